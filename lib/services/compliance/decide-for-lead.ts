// The compliance decision for stored leads: what the workspace's data says about a set of numbers (DNC hits,
// calls in flight, calls in the last 24 h across every campaign of the workspace, blackouts), then one checkCompliance per
// lead, and the evidence a call stores. The claim and the check API both go through here, so a claim, a
// preview and a report decide with the very same code and data.
import 'server-only';
import { and, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { rowsOf, schema, type Queryable } from '@/db';
import { dncLookupKeys } from '@/lib/services/dnc/dnc-keys';
import type { ComplianceEvidence, ConsentBasis } from '@/shared/compliance-evidence';
import { inFlightCallStatuses } from '@/shared/statuses';
import { offsetAt } from './allowed-spans';
import { checkCompliance } from './check-compliance';
import type { ComplianceBlackout, ComplianceCallWindow, ComplianceDecision, ComplianceInput } from './types';

/** The do-not-call list the engine consults: the workspace's own (the value is evidence vocabulary, kept as first stored). */
export const OWNER_DNC_LIST = 'owner do-not-call list';

const DAY_MS = 24 * 3_600_000;

export interface WorkspaceComplianceContext {
  blackouts: ComplianceBlackout[];
  callsLast24h: ReadonlyMap<string, number>;
  inFlight: ReadonlySet<string>;
  dnc: ReadonlySet<string>;
  dncListsConsulted: string[];
}

/** The context, with the claim times behind each number's 24 h count (oldest first): a capped lead's cap lifts when enough age out. */
export interface LoadedComplianceContext extends WorkspaceComplianceContext {
  callTimesLast24h: ReadonlyMap<string, readonly Date[]>;
}

/**
 * What the workspace's data says about these numbers at `now`: one statement of four indexed lookups (blackouts, the
 * numbers' calls of the last 24 h, their calls in flight, their DNC entries), whatever the number of leads.
 */
export async function loadWorkspaceComplianceContext(q: Queryable, { workspaceId, phones, now }: { workspaceId: string; phones: readonly string[]; now: Date }): Promise<LoadedComplianceContext> {
  const unique = [...new Set(phones)];
  const c = schema.campaignCalls;
  const k = schema.campaigns;
  const b = schema.complianceBlackouts;
  const none = sql`'[]'::json`;
  // An erased lead's opted-out number is on the list only as its hash: looked up both ways.
  const dncKeys = dncLookupKeys(unique);
  // Each list is one array parameter, not a parameter per number: building and describing ~150 of them cost more
  // than running the statement.
  const numbers = sql`any(${sql.param(unique)}::text[])`;
  const since = new Date(now.getTime() - DAY_MS);
  // The numbers' calls are read first, by the phone index, and only then kept to the workspace's campaigns: planned
  // as a loop over the workspace's campaigns (which the planner picks when their statistics are older than their
  // calls), the lookup walked every campaign's calls and every index entry its calls left while in flight, so a claim
  // grew with the workspace's history (test/engine/compliance-context-cost.int.test.ts). A materialized CTE keeps that
  // order whatever the statistics say, and it filters by number alone: with "or in flight" beside it the planner
  // read the status index's every in-flight entry, dead ones included. A number has few calls in all.
  const callsOfNumbers = sql`with numbers_calls as materialized (
      select ${c.campaignId} as campaign_id, ${c.phone} as phone, ${c.claimedAt} as claimed_at, ${inArray(c.status, [...inFlightCallStatuses])} as in_flight
      from ${c} where ${c.phone} = ${numbers}),
    workspace_calls as materialized (
      select n.phone, n.claimed_at, n.in_flight from numbers_calls n inner join ${k} on ${k.id} = n.campaign_id where ${eq(k.workspaceId, workspaceId)})
    `;
  const result = await q.execute(sql`${unique.length === 0 ? sql.empty() : callsOfNumbers}select
    (select coalesce(json_agg(x), '[]'::json) from (select ${b.region} as region, ${b.startsAt} as "startsAt", ${b.endsAt} as "endsAt", ${b.reason} as reason from ${b} where ${and(eq(b.workspaceId, workspaceId), gt(b.endsAt, now))}) x) as blackouts,
    ${
      unique.length === 0
        ? none
        : sql`(select coalesce(json_agg(x), '[]'::json) from (select phone, json_agg(claimed_at order by claimed_at) as at from workspace_calls where claimed_at > ${since.toISOString()}::timestamptz group by phone) x)`
    } as recent,
    ${unique.length === 0 ? none : sql`(select coalesce(json_agg(distinct phone), '[]'::json) from workspace_calls where in_flight)`} as in_flight,
    ${unique.length === 0 ? none : sql`(select coalesce(json_agg(${schema.dncNumbers.phone}), '[]'::json) from ${schema.dncNumbers} where ${and(eq(schema.dncNumbers.workspaceId, workspaceId), sql`${schema.dncNumbers.phone} = any(${sql.param(dncKeys.keys)}::text[])`)})`} as dnc`);
  const [row] = rowsOf<{ blackouts: unknown; recent: unknown; in_flight: unknown; dnc: unknown }>(result);
  const blackouts = json<{ region: string; startsAt: string; endsAt: string; reason: string | null }[]>(row.blackouts);
  const recent = json<{ phone: string; at: string[] }[]>(row.recent);
  const callTimesLast24h = new Map(recent.map((r) => [r.phone, r.at.map((at) => new Date(at))]));
  return {
    blackouts: blackouts.map((x) => blackoutOf({ region: x.region, startsAt: new Date(x.startsAt), endsAt: new Date(x.endsAt), reason: x.reason })),
    callsLast24h: new Map(recent.map((r) => [r.phone, r.at.length])),
    callTimesLast24h,
    inFlight: new Set(json<string[]>(row.in_flight)),
    dnc: new Set(json<string[]>(row.dnc).map((key) => dncKeys.phoneOf.get(key)!)),
    dncListsConsulted: [OWNER_DNC_LIST],
  };
}

/** A json column as either driver hands it over (postgres.js parses it, PGlite may not). */
function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

function blackoutOf(row: { region: string; startsAt: Date; endsAt: Date; reason: string | null }): ComplianceBlackout {
  return { region: row.region, startsAt: row.startsAt, endsAt: row.endsAt, reason: row.reason ?? undefined };
}

/** A lead as the compliance decision reads it (a stored lead, or the check API's ad-hoc number). */
export interface ComplianceLead {
  phone: string;
  timezone?: string | null;
  state?: string | null;
  consentAt?: Date | string | null;
  consentSource?: string | null;
  consentText?: string | null;
}

export interface ComplianceCampaign {
  timezone: string;
  callWindows: readonly ComplianceCallWindow[];
  defaultRegion?: string;
  consentBasis: ConsentBasis;
  recordCalls: boolean;
  recordingDisclosure?: string | null;
}

function isoOrNull(v: Date | string | null | undefined): string | null {
  if (v === null || v === undefined || v === '') return null;
  return v instanceof Date ? v.toISOString() : v;
}

export function complianceInputFor(ctx: WorkspaceComplianceContext, lead: ComplianceLead, campaign: ComplianceCampaign | null, at: Date): ComplianceInput {
  return {
    phone: lead.phone,
    declaredTimezone: lead.timezone ?? null,
    declaredState: lead.state ?? null,
    at,
    defaultRegion: campaign?.defaultRegion ?? 'US',
    campaign: campaign ? { timezone: campaign.timezone, callWindows: campaign.callWindows } : undefined,
    blackouts: ctx.blackouts,
    callsLast24h: ctx.callsLast24h.get(lead.phone) ?? 0,
    callInFlight: ctx.inFlight.has(lead.phone),
    onDnc: { listsConsulted: ctx.dncListsConsulted, hit: ctx.dnc.has(lead.phone) },
    consent: campaign ? { basis: campaign.consentBasis, leadConsent: { at: isoOrNull(lead.consentAt), source: lead.consentSource ?? null, text: lead.consentText ?? null } } : undefined,
  };
}

/** The decision for one lead, from the workspace's context loaded for its number. */
export function decideForLead(ctx: WorkspaceComplianceContext, lead: ComplianceLead, campaign: ComplianceCampaign | null, at: Date): ComplianceDecision {
  return checkCompliance(complianceInputFor(ctx, lead, campaign, at));
}

/** The campaign window open at `at`, in the campaign's zone (the one that allowed the call). */
function openCampaignWindow(campaign: ComplianceCampaign, at: Date): ComplianceEvidence['campaignWindow'] {
  // The zone's offset from the remembered stretches (one Intl read per zone and day, not one per lead's evidence).
  const local = new Date(at.getTime() + offsetAt(campaign.timezone, at.getTime()));
  const weekday = local.getUTCDay();
  const hour = local.getUTCHours();
  const w = campaign.callWindows.find((x) => x.dayOfWeek === weekday && hour >= x.startHour && hour < x.endHour);
  return w ? { timezone: campaign.timezone, dayOfWeek: w.dayOfWeek, startHour: w.startHour, endHour: w.endHour } : null;
}

/** What a call records about the recording: an all-party state hears the disclosure first, or is not recorded. */
export function recordingDecision(decision: ComplianceDecision, campaign: ComplianceCampaign): ComplianceEvidence['recording'] {
  const allParty = decision.recording.jurisdictions;
  let outcome: ComplianceEvidence['recording']['decision'] = 'not_recorded';
  if (campaign.recordCalls) outcome = campaign.recordingDisclosure?.trim() ? 'disclosed' : allParty.length > 0 ? 'not_recorded_no_disclosure' : 'recorded_one_party';
  return { campaignRecords: campaign.recordCalls, allPartyConsentJurisdictions: allParty, decision: outcome };
}

/** The evidence a call stores, from the decision that allowed it. */
export function complianceEvidence(ctx: WorkspaceComplianceContext, lead: ComplianceLead, campaign: ComplianceCampaign, decision: ComplianceDecision, at: Date): ComplianceEvidence {
  const input = complianceInputFor(ctx, lead, campaign, at);
  const consent = input.consent!.leadConsent!;
  return {
    version: 1,
    checkedAt: at.toISOString(),
    phone: lead.phone,
    zones: decision.zones,
    jurisdiction: decision.jurisdiction,
    rulesApplied: decision.rulesApplied,
    declared: { timezone: lead.timezone ?? null, state: lead.state ?? null },
    campaignWindow: openCampaignWindow(campaign, at),
    dncListsConsulted: ctx.dncListsConsulted,
    callsLast24h: input.callsLast24h ?? 0,
    consent: { basis: campaign.consentBasis, lead: consent.at || consent.source || consent.text ? { at: consent.at ?? null, source: consent.source ?? null, text: consent.text ?? null } : null },
    recording: recordingDecision(decision, campaign),
    notes: decision.notes,
  };
}

/** Serialises the claim of one number across instances: a transaction-scoped advisory lock per (workspace, phone). */
export function numberLockKey(workspaceId: string, phone: string | SQL) {
  return sql`hashtextextended(${workspaceId}::text || ':' || ${phone}, 0)`;
}
