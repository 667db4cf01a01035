// How the offline rules read a transcript: only what the lead said, each piece next to the agent's
// question it answers, split into clauses, with negation and yes/no replies recognised. The agent's
// own words are only ever context for a lead's reply, never the lead's answer.
import type { TranscriptTurn } from '@/db/schema/calls';
import { digitize } from './number-words';
import { segmentSpeech } from './spoken-text';

export type LeadUtterance = {
  /** Lower-cased, with contractions and punctuation made regular. */
  text: string;
  /** The same, with number words written in digits. */
  digits: string;
  /** The words as transcribed, for proper names. */
  raw: string;
  /** The agent's words just before, normalised; null when the lead spoke first. */
  question: string | null;
  /** Position in the call, 0 for the lead's first utterance. */
  order: number;
};

// Speech-to-text often drops apostrophes; the rules are written with them.
const contractions: [RegExp, string][] = [
  [/\bim\b/g, "i'm"],
  [/\bive\b/g, "i've"],
  [/\bid\b/g, "i'd"],
  [/\bits\b/g, "it's"],
  [/\bthats\b/g, "that's"],
  [/\bwhats\b/g, "what's"],
  [/\btheres\b/g, "there's"],
  [/\byoure\b/g, "you're"],
  [/\bweve\b/g, "we've"],
  [/\bwed\b/g, "we'd"],
  [/\b(do|does|did|is|are|was|were|has|have|had|would|could|should|wo|ca|ai)nt\b/g, "$1n't"],
  [/\bcant\b/g, "can't"],
  [/\b(he|she|who)s\b/g, "$1's"],
  [/\btheyre\b/g, "they're"],
  [/\b(today|tomorrow|tonight)s\b/g, "$1's"],
  [/\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s (?=better|good|fine|bad|works|is|no good|out)\b/g, "$1's "],
  // "nah were good": "were" after a reply word is "we're"; after a subject it stays past tense.
  [/(^|[,.!?] |\b(?:nah|no|nope|yeah|yes|oh|well|so|and|but|cause|because|sorry|okay|ok|honestly|actually|thanks|now|i think) )were\b/g, "$1we're"],
  [/\bwont\b/g, "won't"],
];

export function normalizeSpeech(text: string): string {
  let t = text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/(\d)\s*[–—]\s*(\d)/g, '$1-$2')
    .replace(/\s*[—–]\s*/g, ', ')
    .replace(/\b(?:uh[- ]huh|mm[- ]hmm|mhm)\b/g, 'yes')
    .replace(/(?:,\s*)?\b(?:um+|uh+|erm+|er|hmm+)\b,?/g, ' ');
  for (const [pattern, replacement] of contractions) t = t.replace(pattern, replacement);
  return t.replace(/\s+/g, ' ').trim();
}

// A reply answers the end of the agent's turn, not a speech before it. Keeping only the tail keeps each
// reply's work bounded, so a long agent turn followed by many short replies is still linear time.
const questionChars = 400;

function questionOf(agentText: string): string {
  const text = normalizeSpeech(agentText.length > questionChars * 2 ? agentText.slice(-questionChars * 2) : agentText);
  if (text.length <= questionChars) return text;
  const tail = text.slice(-questionChars);
  const space = tail.indexOf(' ');
  return space >= 0 ? tail.slice(space + 1) : tail;
}

/** The lead's utterances in order, each with the question it answers. */
export function leadUtterances(transcript: readonly TranscriptTurn[]): LeadUtterance[] {
  const said: { raw: string; question: string | null }[] = [];
  let question: string | null = null;
  for (const turn of transcript) {
    const raw = (turn.text ?? '').trim();
    if (!raw) continue;
    if (turn.speaker === 'agent') {
      question = questionOf(raw);
      continue;
    }
    said.push({ raw, question });
  }
  const segmented = segmentSpeech(said.map((s) => s.raw.toLowerCase().replace(/\b(?:uh[- ]huh|mm[- ]hmm|mhm)\b/g, 'yes')));
  return said.map(({ raw, question }, order) => {
    const text = normalizeSpeech(segmented[order]);
    return { text, digits: digitize(text), raw, question, order };
  });
}

/**
 * Clauses: sentences, split again at commas and at "but / though / however", since a negation or a
 * correction rarely reaches across them ("it's not slow, but it is expensive").
 */
export function clausesOf(text: string): string[] {
  return text
    .split(/[.!?;]+(?=\s|$)|,(?!\d{3}\b)|\s(?:but|though|although|however|except)\s/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const negator = /\b(?:not|no|never|nothing|nobody|none|without|hardly|nor|neither|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|won't|wouldn't|can't|cannot|couldn't|shouldn't|haven't|hasn't|ain't)\b/;

const selfCorrection = /\bno,? (?:wait|sorry|actually|no|i mean|scratch that)\b/g;
// "not really, just send me the pricing": the no answers the question; "just / please" starts what the
// lead does want, so the no does not negate it.
const answeredNo = /^(?:no|nope|nah|not really|not yet|not now|not at all),? (?=(?:just|please|but|instead)\b)/;

/** Whether a negation comes within a few words before position `index` of the clause. */
export function negatedBefore(clause: string, index: number, words = 4): boolean {
  const before = clause.slice(0, index).replace(answeredNo, '').trim().split(/\s+/).slice(-words).join(' ');
  // "no wait", "no sorry": a self-correction, not a negation of what follows it.
  return negator.test(before.replace(selfCorrection, ''));
}

const yesReply =
  /^(?:oh,? |well,? |so,? )?(?:yes|yeah|yep|yup|ya|yea|sure|correct|right|absolutely|definitely|totally|of course|certainly|indeed|exactly|for sure|you bet|that's right|that's correct|that's me|that would be me|that'd be me|i am|i do|we do|we are|it is|it does|constantly|always|all the time|big time|sounds good|that works|works for me|massively|hugely|very much|a lot|completely|100 percent|please do|go ahead)\b/;
const noReply = /^(?:oh,? |well,? |so,? )?(?:no|nope|nah|not really|not at all|not me|never|i'm not|i am not|i don't|we don't|we're not|it's not|it isn't|not exactly|not yet|not (?:at the moment|right now|now|today|for now|this time))\b/;

/** A reply's yes or no, read from how it starts; null when it starts with neither. */
export function replyPolarity(answer: string): 'yes' | 'no' | null {
  const a = answer.trim();
  if (noReply.test(a)) return 'no';
  if (yesReply.test(a)) return 'yes';
  return null;
}

export type ClauseHit = { utterance: LeadUtterance; clause: string; clauseIndex: number };

/** Every clause of every lead utterance, in order, from the normalised text or the digit text. */
export function leadClauses(utterances: readonly LeadUtterance[], source: 'text' | 'digits' = 'text'): ClauseHit[] {
  return utterances.flatMap((utterance) => clausesOf(utterance[source]).map((clause, clauseIndex) => ({ utterance, clause, clauseIndex })));
}
