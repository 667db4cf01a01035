// Which transcripts are development and which are held out. The held-out set is only ever run, never
// read while writing rules; a held-out case whose miss was fixed (so it has been read) moves to
// development by being listed in `movedToDevelopment`, with the reason, and a new blind case replaces it.
import { heldOutRoundOne, heldOutRoundThree, heldOutRoundTwo } from './holdout-transcripts';
import { spokenHoldOut } from './spoken-holdout';
import { evalCases, type EvalCase } from './transcripts';

/** Held-out cases that were read to fix a miss, and so now count as development. */
export const movedToDevelopment: Record<string, string> = {};

const moved = (c: EvalCase) => Object.hasOwn(movedToDevelopment, c.id);

/** Written-style sets the rules were developed on (rounds 1–3 were held out once, then tuned on). */
export const developmentCases: EvalCase[] = [...evalCases, ...heldOutRoundOne, ...heldOutRoundTwo, ...heldOutRoundThree, ...spokenHoldOut.filter(moved)];

/** Spoken-style transcripts written blind, never tuned on. */
export const heldOutCases: EvalCase[] = [...spokenHoldOut.filter((c) => !moved(c))];

export const evalSets = [
  { name: 'development', cases: developmentCases },
  { name: 'held-out', cases: heldOutCases },
] as const satisfies readonly { name: string; cases: EvalCase[] }[];
export type EvalSetName = (typeof evalSets)[number]['name'];

export const allEvalCases: EvalCase[] = [...developmentCases, ...heldOutCases];
