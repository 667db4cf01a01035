// The largest transcript the product accepts, from the real limit of a call: the app's preview API and
// the agent's report refuse anything bigger, and the agent trims its transcript to fit. One set of limits
// for both processes, so neither can send what the other refuses.
//
// A call is at most two hours. People speak about 150–180 words a minute, some 1,050 characters with
// spaces, so two hours of both sides talking non-stop is about 126,000 characters; 150,000 leaves room.
// A turn changes every few seconds in a conversation: 2,000 turns is one every 3.6 s for two hours. One
// turn of 10,000 characters is a ten-minute monologue.
export const transcriptLimits = {
  maxTurns: 2_000,
  maxTurnChars: 10_000,
  maxTotalChars: 150_000,
} as const;
