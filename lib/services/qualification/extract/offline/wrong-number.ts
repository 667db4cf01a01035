// The person answering is not the lead and the lead is not at this number.
import { clausesOf, type LeadUtterance } from './utterances';

const wrongNumberPhrases = [
  /\bwrong (?:number|person|guy|lady|house|company|business|line)\b/,
  /\bno (?:one|body) (?:here )?(?:by|with|named|called) that name\b|\bnobody (?:here )?(?:by|named|called) that\b/,
  /\bthere'?s no (?!problem|rush|need|way|budget|time|plan|timeline|hurry|money)\w+ (?:here|at this number)\b/,
  /\b(?:don't|do not) know (?:anyone|anybody|any \w+) (?:by|named|called|with) that\b|\b(?:don't|do not) know who (?:that is|you're|you are|this is)\b/,
  /\b(?:doesn't|does not|don't|do not|no longer) (?:work|live|works|lives) (?:here|there)\b/,
  /\b(?:he|she|they) (?:left|quit|retired|moved on)(?: the company| last| a while| years| months)?\b/,
  /\b(?:had|got|have had|just got) this number for\b|\b(?:new|reassigned) number\b|\bnumber (?:was|got|has been) reassigned\b/,
  /\bresidential (?:line|number)\b|\bthis is a (?:personal|home) (?:line|number|phone)\b/,
  /\bthis (?:isn't|is not) (?:\w+'s )?(?:number|phone)\b/,
  /\bnever heard of (?:him|her|them|that (?:person|company))\b/,
];

export function detectWrongNumber(utterances: readonly LeadUtterance[]): boolean {
  return utterances.some((u) => clausesOf(u.text).some((c) => wrongNumberPhrases.some((p) => p.test(c))));
}
