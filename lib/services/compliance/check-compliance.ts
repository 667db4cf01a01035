// The one compliance decision: every rule that applies to the lead at `at`, the reasons it fails, and the
// earliest instant every time-based rule allows. The claim, the check API and the report all call this.
import { DAY, allowedSpans, offsetAt, spansContain, subtractSpans, type TimeRule, type TimeRulePair } from './allowed-spans';
import { isSupportedCountry } from 'libphonenumber-js';
import { needsLeadConsent } from './consent';
import { isPublicHoliday, publicHolidayName } from './holidays';
import { resolveLeadJurisdiction } from './jurisdictions';
import { leadTimeZones, readPhone } from './lead-time-zones';
import { allPartyConsentIn } from './recording-consent';
import { normalizeRegion, regionWithParents } from './regions';
import { federalFloorRule, rulesFor, usStateRules } from './rules';
import type { ComplianceBlackout, ComplianceCallWindow, ComplianceDecision, ComplianceInput, ComplianceReason, ComplianceRule, MinuteSpan } from './types';

/** nextAllowedAt is looked for this far after `at`; null beyond it. */
export const NEXT_ALLOWED_HORIZON_DAYS = 14;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const ruleTimeRules = new Map<string, TimeRule>();

/** A rule row's hours as a TimeRule: its weekly hours, closed on the jurisdiction's public holidays if it bans them. */
function timeRuleOf(rule: ComplianceRule): TimeRule {
  let tr = ruleTimeRules.get(rule.id);
  if (!tr) {
    const hours = rule.hours!;
    tr = rule.holidayBan
      ? { key: rule.id, hoursOn: (day, weekday) => (isPublicHoliday(rule.jurisdiction, day) ? [] : hours[weekday]) }
      : { key: rule.id, hoursOn: (_day, weekday) => hours[weekday] };
    ruleTimeRules.set(rule.id, tr);
  }
  return tr;
}

const campaignTimeRules = new Map<string, TimeRule>();

function campaignTimeRule(callWindows: readonly ComplianceCallWindow[]): TimeRule {
  const key = `campaign_window:${callWindows.map((w) => `${w.dayOfWeek}.${w.startHour}.${w.endHour}`).join(',')}`;
  let tr = campaignTimeRules.get(key);
  if (!tr) {
    const byWeekday: MinuteSpan[][] = [[], [], [], [], [], [], []];
    for (const w of callWindows) byWeekday[w.dayOfWeek]?.push({ start: w.startHour * 60, end: w.endHour * 60 });
    tr = { key, hoursOn: (_day, weekday) => byWeekday[weekday] };
    if (campaignTimeRules.size > 5000) campaignTimeRules.clear();
    campaignTimeRules.set(key, tr);
  }
  return tr;
}

/**
 * The blackouts whose region covers one of the lead's jurisdictions (or, for a number of unknown state, any US
 * region). A region that reads as no state, province or country (a typo) is applied to every lead: a blackout is
 * declared to stop calls, and calling less is the safe way to be wrong.
 */
function applicableBlackouts(
  blackouts: readonly ComplianceBlackout[] | undefined,
  jurisdictions: readonly string[],
  anyUsState: boolean,
): { b: ComplianceBlackout; region: string; unread: boolean }[] {
  if (!blackouts?.length) return [];
  const lead = new Set(jurisdictions);
  const out: { b: ComplianceBlackout; region: string; unread: boolean }[] = [];
  for (const b of blackouts) {
    const raw = b.region.trim().toUpperCase();
    const region = normalizeRegion(b.region) ?? (isSupportedCountry(raw) ? raw : null);
    if (region === null) out.push({ b, region: b.region, unread: true });
    else if (lead.has(region) || (anyUsState && regionWithParents(region)[0] === 'US')) out.push({ b, region, unread: false });
  }
  return out;
}

function localIso(at: number, offset: number): string {
  return new Date(at + offset).toISOString().slice(0, 19);
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function hoursText(spans: readonly MinuteSpan[]): string {
  return spans.length === 0 ? 'no calls' : spans.map((s) => `${hhmm(s.start)}–${hhmm(s.end)}`).join(', ');
}

export function checkCompliance(input: ComplianceInput): ComplianceDecision {
  const at = input.at.getTime();
  if (!Number.isFinite(at)) throw new RangeError('at must be a valid date');
  const { zones, notes: zoneNotes } = input.zones?.length ? { zones: [...input.zones], notes: [] } : leadTimeZones(input.phone, input.declaredTimezone, input.defaultRegion);
  const lead = resolveLeadJurisdiction(input.phone, input.declaredState, input.defaultRegion);
  const notes = [...zoneNotes, ...lead.notes];

  const applicable = rulesFor(lead.jurisdictions);
  if (lead.anyUsState) for (const r of usStateRules) if (!applicable.includes(r)) applicable.push(r);
  const hoursRules = applicable.filter((r) => r.hours);
  if (hoursRules.length === 0) {
    hoursRules.push(federalFloorRule);
    applicable.push(federalFloorRule);
    notes.push(`no hours rule for ${lead.jurisdictions.join(', ')}: the US federal hours apply as the engine's floor`);
  }

  const pairs: (TimeRulePair & { row?: ComplianceRule })[] = [];
  for (const row of hoursRules) {
    for (const zone of new Set([...zones, ...(row.alsoInZones ?? [])])) pairs.push({ rule: timeRuleOf(row), zone, row });
  }
  if (input.campaign) pairs.push({ rule: campaignTimeRule(input.campaign.callWindows), zone: input.campaign.timezone });

  const utcDay = Math.floor(at / DAY);
  const blackouts = applicableBlackouts(input.blackouts, lead.jurisdictions, lead.anyUsState);
  const blackoutSpans = blackouts.map(({ b }) => ({ start: b.startsAt.getTime(), end: b.endsAt.getTime() }));
  const spans = subtractSpans(allowedSpans(pairs, utcDay), blackoutSpans);

  const reasons: ComplianceReason[] = [];
  const offsets = new Map<string, number>();
  const offsetOf = (zone: string) => {
    let o = offsets.get(zone);
    if (o === undefined) offsets.set(zone, (o = offsetAt(zone, at)));
    return o;
  };
  for (const pair of pairs) {
    if (spansContain(allowedSpans([pair], utcDay), at)) continue;
    const local = at + offsetOf(pair.zone);
    const localDay = Math.floor(local / DAY);
    const weekday = new Date(localDay * DAY).getUTCDay();
    const minute = Math.floor((local - localDay * DAY) / 60_000);
    const when = `${WEEKDAYS[weekday]} ${localIso(at, offsetOf(pair.zone)).slice(0, 16).replace('T', ' ')} in ${pair.zone}`;
    if (!pair.row) {
      reasons.push({ rule: 'campaign_window', source: 'campaign call windows', detail: `${when} is outside the campaign's call windows`, zone: pair.zone });
      continue;
    }
    const row = pair.row;
    const holiday = row.holidayBan && isPublicHoliday(row.jurisdiction, localDay);
    const detail = holiday
      ? `${when} is a public holiday in ${row.jurisdiction} (${publicHolidayName(row.jurisdiction, localDay) ?? 'holiday'}): no calls`
      : `${when} (${hhmm(minute)}) is outside ${row.jurisdiction} hours for ${WEEKDAYS[weekday]}: ${hoursText(row.hours![weekday])}`;
    reasons.push({ rule: row.id, source: row.source.citation, detail, zone: pair.zone, jurisdiction: row.jurisdiction });
  }
  for (const { b, region, unread } of blackouts) {
    if (unread) notes.push(`blackout region "${region}" is no known state, province or country: applied to every lead`);
    if (at >= b.startsAt.getTime() && at < b.endsAt.getTime()) {
      reasons.push({ rule: 'blackout', source: b.reason ?? 'user-declared blackout', detail: `blackout in ${region} until ${b.endsAt.toISOString()}`, jurisdiction: region });
    }
  }

  const capRules = applicable.filter((r) => r.callsPer24h !== null).sort((a, b) => a.callsPer24h! - b.callsPer24h!);
  if (capRules.length > 0 && input.callsLast24h !== undefined && input.callsLast24h >= capRules[0].callsPer24h!) {
    const cap = capRules[0];
    reasons.push({
      rule: cap.id,
      source: cap.source.citation,
      detail: `${input.callsLast24h} calls to this number in the last 24 h; ${cap.jurisdiction} allows at most ${cap.callsPer24h}`,
      jurisdiction: cap.jurisdiction,
    });
  }
  if (input.callInFlight) reasons.push({ rule: 'one_call_at_a_time', source: 'engine policy: one call at a time to a number, across the workspace\'s campaigns', detail: 'a call to this number is already in flight' });
  if (input.onDnc?.hit) reasons.push({ rule: 'dnc', source: `do-not-call lists: ${input.onDnc.listsConsulted.join(', ') || 'workspace list'}`, detail: 'the number is on a do-not-call list' });
  const needsConsent = needsLeadConsent(input.consent);
  if (needsConsent) {
    reasons.push({ rule: 'consent', source: '47 CFR 64.1200(a)(1)–(2)', detail: `basis ${input.consent!.basis} needs the lead's own consent record (consent_at, consent_source or consent_text); none on file` });
  }
  if (readPhone(input.phone, input.defaultRegion).kind === 'unreadable') reasons.push({ rule: 'phone_unreadable', source: 'E.164', detail: `"${input.phone}" is not a dialable number` });

  const horizon = at + NEXT_ALLOWED_HORIZON_DAYS * DAY;
  const next = spans.find((s) => s.end > at);
  const nextAllowedAt = next && Math.max(next.start, at) <= horizon ? new Date(Math.max(next.start, at)) : null;
  const recordingJurisdictions = allPartyConsentIn(lead.jurisdictions, lead.anyUsState);

  return {
    allowed: reasons.length === 0,
    zones: zones.map((zone) => ({ zone, localTime: localIso(at, offsetOf(zone)) })),
    jurisdiction: lead.jurisdictions,
    rulesApplied: [...new Set(applicable.map((r) => r.id))],
    reasons,
    nextAllowedAt,
    needsConsent,
    recording: { allPartyConsent: recordingJurisdictions.length > 0, jurisdictions: recordingJurisdictions },
    notes,
  };
}
