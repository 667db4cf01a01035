// A greeting instead of a person: the first thing "the lead" says is a voicemail or carrier message,
// and nothing after it is a person talking back.
import type { LeadUtterance } from './utterances';

const greeting = [
  /\bleave (?:a|your|me a|us a|it)(?: \w+)? (?:message|name|voicemail)\b|\bleave it (?:at|after) the (?:beep|tone)\b/,
  /\b(?:after|at) the (?:tone|beep)\b/,
  /\brecord your message\b/,
  // Carrier messages: "please try your call again later", "the number you have dialed is not in service".
  /\btry (?:your|the) call again\b|\b(?:is )?not in service\b|\bhas been disconnected\b|\bcannot be completed as dialed\b/,
  /\bvoice ?mail(?:box)?\b/,
  // A mailbox that takes nothing: full, never set up, or not accepting messages.
  /\bmailbox (?:is full|has not been set up|is not set up)\b|\b(?:is |are )?not (?:accepting|taking|receiving) (?:any |new )?messages\b/,
  /\b(?:is |am )?(?:not available|unavailable) (?:to take your call|right now|at the moment|at this time)\b|\bthe (?:\w+ )?(?:person|number|subscriber|party|customer|user|mailbox|extension) you (?:are |have |were |'re )?(?:calling|dialed|trying)\b/,
  // The recording menu that follows a greeting: "when you have finished recording… press pound".
  /\b(?:finished|done|finish) recording\b|\bpress (?:pound|star|hash|the (?:pound|star|hash) key)\b|\bhang up or press\b/,
  /\bcan't (?:come to|take|get to|answer) (?:the|your) (?:phone|call)\b/,
  /\baway from (?:my|the) (?:desk|phone)\b/,
  /\b(?:our|the) (?:office|store|clinic) is (?:currently |now )?closed\b/,
  /\busing a (?:call )?screening service\b|\bsay your name and why you're calling\b/,
];

const isGreeting = (text: string) => greeting.some((p) => p.test(text));
// Tones and fragments a transcriber writes down during a greeting.
const isNoise = (text: string) => text.replace(/[^a-z ]/g, '').trim().split(/\s+/).filter(Boolean).length <= 2 && !/\b(?:yes|yeah|hello|hi|no)\b/.test(text);

export function detectVoicemail(utterances: readonly LeadUtterance[]): boolean {
  if (!utterances.length || !isGreeting(utterances[0].text)) return false;
  return utterances.slice(1).every((u) => isGreeting(u.text) || isNoise(u.text));
}
