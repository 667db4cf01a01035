import { describe, expect, it } from 'vitest';
import type { TranscriptTurn } from '@/db/schema/calls';
import { extractCurrentTool } from './current-tool';
import { leadUtterances } from './utterances';

const say = (...lines: string[]): TranscriptTurn[] => lines.map((l) => ({ speaker: l.startsWith('A:') ? 'agent' : 'lead', text: l.slice(2).trim() }));
const toolOf = (...lines: string[]) => extractCurrentTool(leadUtterances(say(...lines)));

describe('current tool', () => {
  it.each([
    [["L: We log everything in Salesforce by hand."], 'Salesforce'],
    [['L: yeah we use hubspot its slow'], 'HubSpot'],
    [["L: We're in Zoho Projects."], 'Zoho Projects'],
    [["L: Microsoft Dynamics, and it doesn't integrate."], 'Microsoft Dynamics'],
    [['L: We used to use Salesforce, we switched to HubSpot last year.'], 'HubSpot'],
    [['A: What are your SDRs using?', 'L: Outreach. The dialer costs a fortune.'], 'Outreach'],
    [['A: How do you track orders today?', 'L: Spreadsheets, mostly.'], 'spreadsheets'],
    [['L: We just signed a three year deal with Outreach.'], 'Outreach'],
    [['L: Bill.com.'], 'Bill.com'],
    [['A: What are you using today?', 'L: buildium across all our properties and its clunky'], 'Buildium'],
    [["L: 7shifts. It's fine."], '7shifts'],
    [['L: We use Acmesoft for that.'], 'Acmesoft'],
    [['A: Are you on Salesforce today?', 'L: Yeah.'], 'Salesforce'],
  ])('%j → %s', (lines, expected) => {
    expect(toolOf(...lines)).toBe(expected);
  });

  it.each([
    [['A: Most teams move off Salesforce.', 'L: Okay.']],
    [['L: We do a lot of outreach by phone.']],
    [['L: We have a system, it works okay.']],
    [['L: We tried HubSpot once, never again.']],
    [['L: Call me Monday.']],
  ])('none for %j', (lines) => {
    expect(toolOf(...lines)).toBeNull();
  });
});
