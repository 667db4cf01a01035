import { describe, expect, it } from 'vitest';
import type { TranscriptTurn } from '@/db/schema/calls';
import { extractPainPoints } from './pain-points';
import { leadUtterances } from './utterances';

const say = (...lines: string[]): TranscriptTurn[] => lines.map((l) => ({ speaker: l.startsWith('A:') ? 'agent' : 'lead', text: l.slice(2).trim() }));
const painsOf = (...lines: string[]) => extractPainPoints(leadUtterances(say(...lines))).sort();

describe('pain points', () => {
  it.each([
    [["L: Honestly it's all manual and it's slow."], ['manual', 'slow']],
    [['L: Everything takes forever to load.'], ['slow']],
    [['L: The dialer costs a fortune.'], ['expensive']],
    [["L: It isn't cheap, put it that way."], ['expensive']],
    [['L: It crashes a lot, it drops calls constantly.'], ['unreliable']],
    [["L: Honestly it's clunky, nobody likes it."], ['hard_to_use']],
    [['L: Their support is terrible, they never get back to us.'], ['poor_support']],
    [["L: It doesn't integrate with our ERP at all."], ['poor_integration']],
    [["L: The reporting is useless and everything is copy and paste."], ['manual', 'poor_reporting']],
    [["L: We can't get the numbers leadership wants."], ['poor_reporting']],
    [["L: It's not slow, but it is expensive."], ['expensive']],
    [["L: I wouldn't say it's expensive, but it's definitely clunky."], ['hard_to_use']],
    [["L: No, we're not slow, we're not manual. It's fine."], []],
    [['A: Is data entry eating up your time?', 'L: Yes, constantly.'], ['manual']],
    [['A: Teams tell us their CRM is slow and clunky. Is that your experience?', "L: Not really, it's pretty quick."], []],
    [['A: Is it slow?', 'L: Okay.'], []],
  ])('%j → %j', (lines, expected) => {
    expect(painsOf(...lines)).toEqual(expected);
  });
});

describe('words that only look like pains', () => {
  it.each([["L: Mike doesn't work here anymore."], ['L: It works fine with our CRM.']])('%j has none', (line) => {
    expect(painsOf(line)).toEqual([]);
  });
  it("\"it doesn't work with our payroll\" is an integration pain", () => {
    expect(painsOf("L: It doesn't work with our payroll.")).toEqual(['poor_integration']);
  });
});
