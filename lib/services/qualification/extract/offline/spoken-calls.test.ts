// Whole calls the way speech-to-text writes them: lower case, no punctuation, fillers, corrections.
import { describe, expect, it } from 'vitest';
import type { TranscriptTurn } from '@/db/schema/calls';
import type { QualificationCriterion } from '../../criteria';
import { extractOffline } from './offline-extractor';

const now = new Date('2025-03-11T14:00:00.000Z'); // Tuesday 10:00 in New York
const criteria: QualificationCriterion[] = [
  { field: 'budget', type: 'number', operator: '>=', value: 10000, weight: 30 },
  { field: 'decision_maker', type: 'boolean', operator: '==', value: true, weight: 25 },
  { field: 'timeline', type: 'string', operator: 'in', value: ['immediate', 'within_month', 'within_quarter'], weight: 20 },
  { field: 'pain_points', type: 'string_list', operator: 'exists', weight: 15 },
  { field: 'team_size', type: 'number', operator: '>=', value: 5, weight: 5 },
  { field: 'current_tool', type: 'string', operator: 'exists', weight: 5 },
];
const call = (...lines: string[]): TranscriptTurn[] => lines.map((l) => ({ speaker: l.startsWith('A:') ? 'agent' : 'lead', text: l.slice(2).trim() }));
const read = (...lines: string[]) => extractOffline({ transcript: call(...lines), criteria, now, timeZone: 'America/New_York' });
const pitch = (reply: string) => read('A: hi is this jen its sam from acme we help teams with scheduling', `L: ${reply}`);
const local = (at: Date | undefined) => at?.toLocaleString('sv-SE', { timeZone: 'America/New_York' }).slice(0, 16);

describe('amounts in every spoken form', () => {
  it.each([
    ['we have like 60k', 60000],
    ['um sixty k maybe', 60000],
    ['eighty grand', 80000],
    ['a hundred and fifty thousand', 150000],
    ['$45,000', 45000],
    ['between twenty and thirty thousand', 20000],
    ['one point two million', 1200000],
    ['we could do we could do fifty no sorry forty thousand', 40000],
    ['not fifty thousand thats for sure maybe thirty', 30000],
  ])('"%s" is a budget of %d', (reply, budget) => {
    expect(read('A: what budget do you have', `L: ${reply}`).fields.budget).toBe(budget);
  });

  it("the agent's figures are not the lead's", () => {
    expect(read('A: most teams spend about twenty thousand a year with us', 'L: uh huh').fields.budget).toBeNull();
  });
});

describe('fields said in lower case', () => {
  it('an unlisted tool is read from the reply and title-cased', () => {
    expect(read('A: what system are you on now', 'L: applied epic and its super clunky').fields.current_tool).toBe('Applied Epic');
    expect(read('A: how does intake work for you', 'L: well we use clio but it takes all day').fields.current_tool).toBe('Clio');
    expect(read('A: what do you use today', 'L: oh we dont use anything its all in our heads').fields.current_tool).toBeNull();
  });

  it('a range of time is as late as its far end', () => {
    expect(read('A: any sense of timing', 'L: uh sixty to ninety days probably').fields.timeline).toBe('within_quarter');
    expect(read('A: timing', 'L: couple weeks').fields.timeline).toBe('within_month');
  });

  it('a dozen people, and just me and my sister', () => {
    expect(read('A: how many people would use it', 'L: a dozen').fields.team_size).toBe(12);
    expect(read('A: tell me about the bakery', 'L: its just me and my sister here').fields.team_size).toBe(2);
  });

  it('deciding jointly is deciding; a boss who decides is not', () => {
    expect(read('A: who decides', 'L: the partners decide and im one of the partners').fields.decision_maker).toBe(true);
    expect(read('A: and budget', 'L: we have thirty thousand but id need my director to approve it').fields.decision_maker).toBe(false);
    expect(read('A: would he be the one to decide', 'L: yeah he decides').fields.decision_maker).toBe(false);
  });

  it('more spoken timings and names', () => {
    expect(read('A: when', 'L: in a month or two').fields.timeline).toBe('within_quarter');
    expect(read('A: when', 'L: end of q2').fields.timeline).toBe('later');
    expect(read('A: what do you use', 'L: oh we use something called sling for that').fields.current_tool).toBe('Sling');
    expect(read('A: what do you use', 'L: pen and paper honestly').fields.current_tool).toBeNull();
    expect(read('A: whats the problem with it', 'L: its a pain to use').fields.pain_points).toEqual(['hard_to_use']);
    expect(read('A: whats the problem with it', 'L: the reports are useless').fields.pain_points).toEqual(['poor_reporting']);
  });

  it('pains in spoken words', () => {
    expect(read('A: what are you on', 'L: oracle and its costing us a fortune').fields.pain_points).toEqual(['expensive']);
    expect(read('A: how is it', 'L: no its not slow its fine its just that their support never answers us').fields.pain_points).toEqual(['poor_support']);
  });
});

describe('how a spoken call ends', () => {
  it.each([
    'we already bought one',
    'nah were good man',
    'oh yeah we ended up going with someone else sorry',
    'yeah were all set thanks bye',
    'thanks but no thanks',
    'not something were looking at',
  ])('"%s" is not interested', (reply) => {
    expect(pitch(reply).signals.notInterested).toBe(true);
  });

  it.each([
    ['please dont ever call this number again'],
    ['remove this number'],
    ['no i dont put me on your do not call list'],
    ['you guys keep calling just stop'],
    ['i want to be taken off your calling list'],
    ['yeah no take me off'],
    ['no more calls please'],
  ])('"%s" opts out', (reply) => {
    expect(pitch(reply).signals.optOut).toBe(true);
  });

  it("asking to stay on the list is not an opt-out", () => {
    expect(pitch('no dont take me off the list i want updates').signals.optOut).toBe(false);
  });

  it.each([
    ["i'm up on a roof right now buddy call me wednesday at two", '2025-03-12 14:00'],
    ['um not right now im at an appointment could you call me monday at ten thirty', '2025-03-17 10:30'],
    ['oh hey can you call me thursday no wait fridays better like around two', '2025-03-14 14:00'],
    ['could you give me a call back in the afternoon its surgery morning here', '2025-03-11 14:00'],
    ['no its fine just call me on the twentieth when im back', '2025-03-20 10:00'],
  ])('"%s" asks for a call back at %s', (reply, at) => {
    const { signals } = pitch(reply);
    expect(signals.callbackRequested).toBe(true);
    expect(local(signals.callbackAt)).toBe(at);
  });

  it('a gatekeeper who says when to try is a call-back request, with the time', () => {
    const { signals } = read('A: hi could i speak with linda', 'L: oh shes out of the office until monday can you try her then');
    expect(signals.callbackRequested).toBe(true);
    expect(local(signals.callbackAt)).toBe('2025-03-17 10:00');
  });

  it('a gatekeeper who only says she is out asks for nothing', () => {
    expect(read('A: is sarah around', "L: she's out this week sorry").signals.callbackRequested).toBe(false);
  });

  it.each([
    ['the wireless customer you are calling is not available please try your call again later'],
    ['the number you have reached has been disconnected or is no longer in service'],
  ])('a carrier message is voicemail: "%s"', (greeting) => {
    expect(read(`L: ${greeting}`).signals.voicemail).toBe(true);
  });

  it('a recycled number is a wrong number', () => {
    expect(read('A: hi is this alex', 'L: no i just got this number last month it used to be somebody elses').signals.wrongNumber).toBe(true);
  });
});
