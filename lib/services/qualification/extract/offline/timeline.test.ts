import { describe, expect, it } from 'vitest';
import type { TranscriptTurn } from '@/db/schema/calls';
import { extractTimeline } from './timeline';
import { leadUtterances } from './utterances';

// Tuesday 11 March 2025, 10:00 in New York.
const now = new Date('2025-03-11T14:00:00Z');
const say = (...lines: string[]): TranscriptTurn[] => lines.map((l) => ({ speaker: l.startsWith('A:') ? 'agent' : 'lead', text: l.slice(2).trim() }));
const timelineOf = (...lines: string[]) => extractTimeline(leadUtterances(say(...lines)), now, 'America/New_York');

describe('timeline', () => {
  it.each([
    ['L: Right away, honestly.', 'immediate'],
    ['L: We needed this yesterday.', 'immediate'],
    ['L: ASAP.', 'immediate'],
    ['L: We want something in place this month.', 'within_month'],
    ['L: Next month would be ideal.', 'within_month'],
    ['L: In three weeks.', 'within_month'],
    ['L: In the next few weeks, ideally.', 'within_month'],
    ['L: We want to get it sorted this quarter.', 'within_quarter'],
    ['L: Within ninety days.', 'within_quarter'],
    ['L: In the next couple of months.', 'within_quarter'],
    ['L: By the end of this quarter.', 'within_quarter'],
    ['L: Next quarter.', 'later'],
    ['L: Not before next year.', 'later'],
    ['L: Not for at least six months.', 'later'],
    ['L: Probably six months out.', 'later'],
    ["L: Not this quarter, we're mid-audit.", 'later'],
    ["L: We can't do anything this quarter.", 'later'],
    ['L: No rush, really.', 'later'],
    ['L: Not before 2027.', 'later'],
    ["L: There's no timeline, we're just exploring.", 'none'],
    ['L: No plans to switch.', 'none'],
    ["L: We're not in the market.", 'none'],
  ])('%s → %s', (line, expected) => {
    expect(timelineOf(line)).toBe(expected);
  });

  it('reads seasons and months against now, when the talk is about timing', () => {
    expect(timelineOf('A: When would you start?', 'L: Maybe in the summer.')).toBe('later');
    expect(timelineOf('A: When would you start?', 'L: Around April.')).toBe('within_month');
    expect(timelineOf("L: I'm off in the summer.")).toBeNull();
  });

  it('takes the agent’s proposal only when the lead says yes to it', () => {
    expect(timelineOf('A: Are you hoping to have something in place this quarter?', 'L: Yes, definitely.')).toBe('within_quarter');
    expect(timelineOf('A: Are you hoping to have something in place this quarter?', 'L: Not really.')).toBeNull();
    expect(timelineOf('A: Most teams roll out within a week.', 'L: Okay.')).toBeNull();
  });

  it('ignores times that are about the call back, and the last timeline said wins', () => {
    expect(timelineOf('L: Call me next week.')).toBeNull();
    expect(timelineOf('L: This month would be nice, realistically next quarter.')).toBe('later');
  });
});
