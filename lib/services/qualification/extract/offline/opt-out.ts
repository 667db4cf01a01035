// "Take me off your list": the lead asks not to be called again. Missing one is a compliance problem,
// so these are matched on every lead clause; the agent offering to do it is not the lead asking.
import { clausesOf, normalizeSpeech, type LeadUtterance } from './utterances';

type Phrase = { pattern: RegExp; selfNegating?: boolean };

const object = '(?:me|us|my (?:number|name|details|info)|this (?:number|line)|our (?:number|name)|the number)';

export const optOutPhrases: Phrase[] = [
  { pattern: new RegExp(`\\btake ${object} off (?:of )?(?:your|the|this) (?:\\w+ )?(?:list|database|system|records)\\b`) },
  { pattern: new RegExp(`\\bremove ${object}(?: (?:from|off)\\b|(?! (?:from|off))\\b)`) },
  { pattern: new RegExp(`\\b(?:put|add|place) ${object} (?:on|to) (?:your|the) (?:do not call|do-not-call|dnc|don't call|no call) (?:list|registry)\\b`) },
  { pattern: /\bi'm on the (?:national )?(?:do not call|do-not-call|dnc) (?:list|registry)\b/ },
  // Asking for the do-not-call list is an opt-out whatever comes before it ("no i don't, put me on your do not call list").
  { pattern: /\b(?:put|add|place|keep) (?:me|us|my number|this number|our number) (?:on|to|in) (?:your |the |a )?(?:do not call|do-not-call|dnc|don't call|no call) (?:list|registry)\b/, selfNegating: true },
  { pattern: /\b(?:stop|quit|cease) (?:calling|ringing|contacting|phoning|bothering)\b/ },
  { pattern: /\b(?:don't|do not|never) (?:ever )?(?:call|contact|ring|phone|text) (?:me |us |here |this number |this line )?(?:again|anymore|any more|ever again)\b/, selfNegating: true },
  { pattern: /\bnever (?:call|contact|ring) (?:me|us|here|this number)\b/, selfNegating: true },
  { pattern: /\b(?:don't|do not) want (?:you |anyone |any more |anymore )?(?:to )?(?:call|calling|calls)\b/, selfNegating: true },
  { pattern: /\blose (?:my|this|our) number\b/ },
  { pattern: new RegExp(`\\btake ${object} off(?: of)? (?:it|that|there|them)\\b`) },
  { pattern: /\b(?:my|this|our) (?:number|name|details|info) (?:removed|taken off|deleted|off your list)\b/ },
  { pattern: /\b(?:unsubscribe|opt (?:me )?out)\b/ },
  { pattern: /\bno more (?:calls|calling|phone calls)\b/, selfNegating: true },
  { pattern: /\b(?:taken|removed|deleted|scrubbed) (?:off|from|out of) (?:your|the|this) (?:\w+ )?(?:list|database|system|records)\b/ },
  { pattern: /\btake (?:me|us|my number|this number) off\b(?! (?:hold|speaker|mute|the (?:hook|call)))/ },
  { pattern: /\b(?:keep|kept|always|constantly) (?:calling|ringing|phoning)(?: me| us| here)?,? (?:so |just |please )*stop\b/ },
  { pattern: /\b(?:asked|told) (?:you|you people|you guys|y'all|your company) (?:not to|to stop|never to) (?:call|calling|contact|ring)\b/, selfNegating: true },
];

// "No, don't take me off the list" is the opposite of an opt-out; a bare "no" before the request is
// a reply ("yeah no, take me off"), not a negation of it.
const refusal = /\b(?:don't|do not|never|not|won't|wouldn't|didn't|no need to|shouldn't)\b/;
const refusedBefore = (clause: string, index: number) => refusal.test(clause.slice(0, index).trim().split(/\s+/).slice(-3).join(' '));

export function isOptOut(clause: string): boolean {
  return optOutPhrases.some(({ pattern, selfNegating }) => {
    const m = pattern.exec(clause);
    return m !== null && (selfNegating || !refusedBefore(clause, m.index));
  });
}

export function detectOptOut(utterances: readonly LeadUtterance[]): boolean {
  // Read twice: with the clause breaks speech was given, and as said, so that no break put in the wrong
  // place can hide an opt-out.
  return utterances.some((u) => clausesOf(u.text).some(isOptOut) || clausesOf(normalizeSpeech(u.raw)).some(isOptOut));
}
