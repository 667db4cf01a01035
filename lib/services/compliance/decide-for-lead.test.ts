// The evidence's campaign window: the window open at the claim's moment on the campaign's own wall clock, read
// exactly across offset changes (DST, half-hour and 45-minute zones), as luxon reads that wall clock.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { complianceEvidence, decideForLead, OWNER_DNC_LIST, type ComplianceCampaign, type WorkspaceComplianceContext } from './decide-for-lead';

const ctx: WorkspaceComplianceContext = { blackouts: [], callsLast24h: new Map(), inFlight: new Set(), dnc: new Set(), dncListsConsulted: [OWNER_DNC_LIST] };
// One window per hour of every day, so the window the evidence names says the local weekday and hour.
const hourly = [0, 1, 2, 3, 4, 5, 6].flatMap((dayOfWeek) => Array.from({ length: 24 }, (_, h) => ({ dayOfWeek, startHour: h, endHour: h + 1 })));
const lead = { phone: '+12125550101', consentAt: '2026-01-01T10:00:00Z', consentSource: 'web form' };

function windowAt(timezone: string, at: Date) {
  const campaign: ComplianceCampaign = { timezone, callWindows: hourly, defaultRegion: 'US', consentBasis: 'prior_express_written_consent', recordCalls: false };
  return complianceEvidence(ctx, lead, campaign, decideForLead(ctx, lead, campaign, at), at).campaignWindow;
}

// Instants a second either side of offset changes, and a plain one.
const moments: [string, string][] = [
  ['America/New_York', '2026-03-08T06:59:59Z'], // 01:59:59 EST, Sunday
  ['America/New_York', '2026-03-08T07:00:00Z'], // 03:00 EDT
  ['America/New_York', '2026-11-01T05:59:59Z'], // 01:59:59 EDT
  ['America/New_York', '2026-11-01T06:00:00Z'], // 01:00 EST again
  ['Australia/Lord_Howe', '2026-04-04T14:59:59Z'], // a half-hour DST change
  ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'],
  ['Pacific/Chatham', '2026-06-17T11:30:00Z'], // +12:45: the next local day
  ['Asia/Kolkata', '2026-06-17T18:29:59Z'], // 23:59:59 Wednesday at +05:30
  ['Asia/Kolkata', '2026-06-17T18:30:00Z'], // 00:00 Thursday
  ['America/St_Johns', '2026-12-31T23:59:59Z'], // −03:30 on New Year's Eve
];

describe('the campaign window in a call’s evidence', () => {
  it.each(moments)('in %s at %s is the hour open on its wall clock', (timezone, iso) => {
    const at = new Date(iso);
    const local = DateTime.fromJSDate(at, { zone: timezone });
    expect(windowAt(timezone, at)).toEqual({ timezone, dayOfWeek: local.weekday % 7, startHour: local.hour, endHour: local.hour + 1 });
  });

  it('is null when no window is open at that moment', () => {
    const campaign: ComplianceCampaign = { timezone: 'America/New_York', callWindows: [{ dayOfWeek: 3, startHour: 9, endHour: 17 }], defaultRegion: 'US', consentBasis: 'prior_express_written_consent', recordCalls: false };
    const at = new Date('2026-06-17T21:00:00Z'); // 17:00 in New York: the window has just closed
    expect(complianceEvidence(ctx, lead, campaign, decideForLead(ctx, lead, campaign, at), at).campaignWindow).toBeNull();
  });
});
