// Which transcripts are development and which are held out. The held-out set is only ever run, never
// read while writing rules; a held-out case whose miss was fixed (so it has been read) moves to
// development by being listed in `movedToDevelopment`, with the reason, and a new blind case replaces it.
import { heldOutRoundOne, heldOutRoundThree, heldOutRoundTwo } from './holdout-transcripts';
import { spokenHoldOut } from './spoken-holdout';
import { spokenHoldOut2 } from './spoken-holdout-2';
import { spokenHoldOut3 } from './spoken-holdout-3';
import { evalCases, type EvalCase } from './transcripts';

/** Held-out cases that were read to fix a miss, and so now count as development. */
export const movedToDevelopment: Record<string, string> = {
  s002: 'a field missed at first sight; read to fix the field rules',
  s004: 'a field missed at first sight; read to fix the field rules',
  s005: 'a field missed at first sight; read to fix the field rules',
  s006: 'a field missed at first sight; read to fix the field rules',
  s008: 'a field missed at first sight; read to fix the field rules',
  s009: 'outcome or call-back time missed at first sight; read to fix the call-back rules',
  s013: 'a field missed at first sight; read to fix the field rules',
  s015: 'a field missed at first sight; read to fix the field rules',
  s017: 'a field missed at first sight; read to fix the field rules',
  s019: 'a field missed at first sight; read to fix the field rules',
  s020: 'outcome or call-back time missed at first sight; read to fix the call-back rules',
  s021: 'a field missed at first sight; read to fix the field rules',
  s022: 'regressed while tuning (a false call-back time / tool); read to fix',
  s025: 'a field missed at first sight; read to fix the field rules',
  s032: 'a field missed at first sight; read to fix the field rules',
  s034: 'a field missed at first sight; read to fix the field rules',
  s038: 'outcome or call-back time missed at first sight; read to fix the call-back rules',
  s039: 'outcome or call-back time missed at first sight; read to fix the call-back rules',
  s040: 'outcome or call-back time missed at first sight; read to fix the call-back rules',
  s041: 'regressed while tuning (a false call-back time / tool); read to fix',
  s043: 'outcome or call-back time missed at first sight; read to fix the call-back rules',
  s045: 'outcome or call-back time missed at first sight; read to fix the call-back rules',
  s046: 'outcome or call-back time missed at first sight; read to fix the call-back rules',
  s047: 'outcome or call-back time missed at first sight; read to fix the call-back rules',
  s048: 'outcome or call-back time missed at first sight; read to fix the call-back rules',
  s049: 'outcome or call-back time missed at first sight; read to fix the call-back rules',
  s050: 'outcome or call-back time missed at first sight; read to fix the call-back rules',
  s059: 'outcome missed at first sight; read to fix voicemail, wrong-number, not-interested or opt-out rules',
  s064: 'a field missed at first sight; read to fix the field rules',
  s073: 'outcome missed at first sight; read to fix voicemail, wrong-number, not-interested or opt-out rules',
  s081: 'a field missed at first sight; read, not fixed (expectation differs from the development convention, see README)',
  s082: 'outcome missed at first sight; read to fix voicemail, wrong-number, not-interested or opt-out rules',
  s084: 'outcome missed at first sight; read to fix voicemail, wrong-number, not-interested or opt-out rules',
  s086: 'a field missed at first sight; read, not fixed (expectation differs from the development convention, see README)',
  s088: 'outcome missed at first sight; read to fix voicemail, wrong-number, not-interested or opt-out rules',
  s096: 'outcome missed at first sight; read to fix voicemail, wrong-number, not-interested or opt-out rules',
  s098: 'outcome missed at first sight; read to fix voicemail, wrong-number, not-interested or opt-out rules',
  s105: 'a field missed at first sight; read to fix the field rules',
  s106: 'outcome or call-back time missed at first sight; read to fix the call-back rules',
  s107: 'outcome or call-back time missed at first sight; read to fix the call-back rules',
  s108: 'outcome or call-back time missed at first sight; read to fix the call-back rules',
  s109: 'a field missed at first sight; read to fix the field rules',
  s110: 'a field missed at first sight; read to fix the field rules',
  s111: 'a field missed at first sight; read to fix the field rules',
  s113: 'a field missed at first sight; read to fix the field rules',
  s114: 'outcome or call-back time missed at first sight; read to fix the call-back rules',
  s115: 'a field missed at first sight; read to fix the field rules',
  s116: 'a field missed at first sight; read to fix the field rules',
  // spoken-holdout-2.ts: the outcome misses of its one blind run, read to fix their causes.
  'h2-021': 'outcome missed in the one blind run; read to fix a refusal after an opening "yeah" (interest)',
  'h2-024': 'outcome missed in the one blind run; read to fix the clause break in "not something we need" (spoken-text)',
  'h2-029': 'outcome missed in the one blind run; read to fix a reason then "so no" to a pitch (interest)',
  'h2-031': 'outcome missed in the one blind run; read to fix "we don\'t need <kind of> software" (interest)',
  'h2-050': 'outcome missed in the one blind run; read to fix "could you call <day>" without "me" (callback)',
  'h2-062': 'outcome missed in the one blind run; read to fix the recording menu after a greeting (voicemail)',
  'h2-065': 'outcome missed in the one blind run; read to fix "voice mailbox … not accepting messages" (voicemail)',
  'h2-001': 'budget missed in the one blind run; read to fix a negation that belongs to the rejected figure ("not fifty, more like thirty five")',
  'h2-003': 'next action missed in the one blind run; read to fix "what i need is a proposal"',
  'h2-010': 'next action missed in the one blind run; read to fix "send me something … like a proposal"',
  'h2-012': 'budget missed in the one blind run; read to fix a hedge upward ("seventy five thousand maybe eighty") as a range',
  'h2-019': 'team size missed in the one blind run; read to fix a number corrected by the next ("eighteen no nineteen")',
  'h2-075': 'next action missed in the one blind run; read to fix a "not really" that answers the question before "just send me pricing"',
  'h2-070': 'outcome missed in the one blind run; read to fix "my personal cell" and "i don\'t know any <name asked for>" (wrong number)',
};

const moved = (c: EvalCase) => Object.hasOwn(movedToDevelopment, c.id);

/** Written-style sets the rules were developed on (rounds 1–3 were held out once, then tuned on). */
export const developmentCases: EvalCase[] = [...evalCases, ...heldOutRoundOne, ...heldOutRoundTwo, ...heldOutRoundThree, ...spokenHoldOut.filter(moved), ...spokenHoldOut2.filter(moved)];

/** Spoken-style transcripts written blind, never tuned on: what is left of the first spoken set, and all of the second and third (added once the rules were final). */
export const heldOutCases: EvalCase[] = [
  ...spokenHoldOut.filter((c) => !moved(c)),
  ...spokenHoldOut2.filter((c) => !moved(c)),
  ...spokenHoldOut3.filter((c) => !moved(c)),
];

export const evalSets = [
  { name: 'development', cases: developmentCases },
  { name: 'held-out', cases: heldOutCases },
] as const satisfies readonly { name: string; cases: EvalCase[] }[];
export type EvalSetName = (typeof evalSets)[number]['name'];

export const allEvalCases: EvalCase[] = [...developmentCases, ...heldOutCases];
