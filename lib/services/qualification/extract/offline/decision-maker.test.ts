import { describe, expect, it } from 'vitest';
import type { TranscriptTurn } from '@/db/schema/calls';
import { extractDecisionMaker } from './decision-maker';
import { leadUtterances } from './utterances';

const say = (...lines: string[]): TranscriptTurn[] => lines.map((l) => ({ speaker: l.startsWith('A:') ? 'agent' : 'lead', text: l.slice(2).trim() }));
const dmOf = (...lines: string[]) => extractDecisionMaker(leadUtterances(say(...lines)));

describe('decision maker', () => {
  it.each([
    [['L: I sign off on that.'], true],
    [["L: I'm the founder, so it's my decision."], true],
    [['L: I own the budget.'], true],
    [["L: I'm one of the decision makers, along with our CTO."], true],
    [['L: Me and my co-founder decide together.'], true],
    [['L: I can approve anything under fifty grand.'], true],
    [['A: Are you the person who signs off on software?', "L: Yep, that's me."], true],
    [['A: Would anyone else be involved in the decision?', 'L: No, just me.'], true],
    [['A: Who decides?', "L: Me, it's my building."], true],
    [['A: Your decision?', 'L: Mine.'], true],
    [['A: Are you the one deciding?', 'L: Yes.'], true],
    [["L: I make the call, but I'd loop in my CFO."], true],
    [["L: I'd need to ask my boss."], false],
    [['L: My manager decides that stuff.'], false],
    [["L: I don't sign off on anything, that's my CFO."], false],
    [["L: It's not my decision, the controller decides."], false],
    [["L: No, it's my director's budget."], false],
    [["L: I'm just an intern. You'd want to talk to Sarah, she makes those decisions."], false],
    [['A: Who would make the decision?', 'L: The owner, not me.'], false],
    [["L: My boss would have to approve it, but I'd love to see a demo."], false],
    [['A: Is this Jordan?', "L: Yeah, that's me."], null],
    [['L: We use Salesforce.'], null],
  ])('%j → %s', (lines, expected) => {
    expect(dmOf(...lines)).toBe(expected);
  });
});
