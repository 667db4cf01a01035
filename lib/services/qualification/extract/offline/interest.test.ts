import { describe, expect, it } from 'vitest';
import type { TranscriptTurn } from '@/db/schema/calls';
import { readInterest } from './interest';
import { leadUtterances } from './utterances';

const say = (...lines: string[]): TranscriptTurn[] => lines.map((l) => ({ speaker: l.startsWith('A:') ? 'agent' : 'lead', text: l.slice(2).trim() }));
const interestOf = (...lines: string[]) => readInterest(leadUtterances(say(...lines)));

describe('interest', () => {
  it.each([
    [['L: Not interested, thanks.'], { notInterested: true }],
    [["L: We're all set with Salesforce. We're happy with what we have. No thanks."], { notInterested: true }],
    [["L: Honestly this isn't a fit for us."], { notInterested: true }],
    [["L: No thank you, we don't need anything like that."], { notInterested: true }],
    [["L: I'll pass, thanks."], { notInterested: true }],
    [["L: Actually, you know what, we're good. Not interested."], { notInterested: true }],
    [["L: I'm not saying I'm not interested, but send me the pricing first."], { notInterested: false, wantsProposal: true }],
    [["L: I figured I wasn't interested, but go on.", 'L: This sounds useful. Can you send me a quote first?'], { notInterested: false, wantsProposal: true }],
    [["L: Sure, let's do a demo."], { wantsDemo: true }],
    [["L: Don't need a demo, just send me a quote."], { wantsDemo: false, wantsProposal: true, notInterested: false }],
    [['A: Should we book a demo?', 'L: Yes, but I have to jump.'], { wantsDemo: true }],
    [['L: Look, just send me an email.'], { wantsDemo: false, wantsProposal: false, notInterested: false }],
    [["L: Yeah, go ahead, I'm between meetings.", "L: We're good on time."], { notInterested: false }],
    [['A: Does Thursday at 3 work?', "L: Yeah, we're good."], { notInterested: false }],
    [['A: Shall I send the invite?', "L: I'm happy with that."], { notInterested: false }],
    [["L: Yeah, no, we're good, thanks."], { notInterested: true }],
    [["L: We're happy with our current provider."], { notInterested: true }],
    [['A: Hi, calling about solar.', 'L: No. Goodbye.'], { notInterested: true }],
    // A relative clause: "not something we'd use" is one clause, so the refusal is read whole.
    [['A: We help clinics with intake forms.', "L: sounds fun but its really not something we're looking for"], { notInterested: true }],
    [['A: We help dealers track inventory.', "L: we dont need another inventory system we're fine"], { notInterested: true }],
    [['L: we dont need a lot of training though'], { notInterested: false }],
    // A reason and then "so no", to a pitch; not as the answer to a yes/no question.
    [['A: We help fleets cut fuel costs.', 'L: we signed a three year deal last month so nope'], { notInterested: true }],
    [['A: Would you need sign-off from anyone?', 'L: i run the place so no'], { notInterested: false }],
    // Asking for a proposal in other words; a "not really" that answers the question does not negate it.
    [['A: Any budget in mind?', 'L: not really just send me some pricing'], { wantsProposal: true }],
    [['A: Would a demo help?', 'L: what i need is a quote i can take to the owners'], { wantsProposal: true }],
    [['A: Want a demo?', 'L: send me something for my boss like a proposal'], { wantsProposal: true }],
    [['L: can you email me a quote'], { wantsProposal: true }],
    [['L: please dont send me anything no pricing no proposal'], { wantsProposal: false }],
    // An opening "yeah" acknowledges the question; the refusal after it is the answer.
    [['A: Following up on the demo you asked about.', 'L: oh yeah we already signed with someone in january'], { notInterested: true, wantsDemo: false }],
  ])('%j → %j', (lines, expected) => {
    expect(interestOf(...lines)).toMatchObject(expected);
  });
});
