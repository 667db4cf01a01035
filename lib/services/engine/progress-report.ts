// What the dashboard polls: exact counters, calls in flight, the engine's notices, whether the
// campaign's call windows are open (and when they next open) and a forecast.
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { isUuid, progressOf, type CampaignRow, type LeadCounts } from '@/lib/services/campaigns';
import { effectiveMaxAttempts } from '@/lib/services/campaigns/config';
import { notFound } from '@/lib/errors';
import { inFlightCallStatuses } from '@/shared/statuses';
import { forecastCampaign, pacePerHour } from './forecast';
import { callsClaimedBetween } from './calls-claimed';
import { campaignWindowStatus } from './rules';

type LiveCall = { id: string; leadId: string; leadName: string; phone: string; status: 'pending' | 'calling' | 'in_progress'; attemptNumber: number; dialedAt: Date | null; answeredAt: Date | null };
type Notice = { id: string; kind: string; message: string; createdAt: Date };

// json comes back parsed from one driver and as text from the other.
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
const instant = (value: string | null) => (value == null ? null : new Date(value));

/**
 * The workspace's campaign and everything its progress shows, in one statement (one round trip): the campaign
 * row (ownership checked in the same WHERE), its lead counter row, its calls in flight, its last 10 notices, the
 * calls of the last hour (on the (campaign, claimed_at) index) and of the campaign's local day (from the call slots). Another
 * workspace's campaign, or none, is a 404.
 */
export async function progressReport(db: Queryable, campaign: Pick<CampaignRow, 'id' | 'workspaceId'>, now: Date) {
  if (!isUuid(campaign.id)) throw notFound('Campaign');
  const c = schema.campaigns;
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const localMidnight = sql`date_trunc('day', ${now.toISOString()}::timestamptz at time zone (campaigns.config ->> 'timezone'))`;
  // The subqueries name campaigns.id in full: drizzle leaves a one-table select's columns unqualified, and a bare
  // "id" inside them would be their own table's.
  const [row] = await db
    .select({
      campaign: getTableColumns(c),
      counts: sql<unknown>`(select row_to_json(k) from campaign_lead_counts k where k.campaign_id = campaigns.id)`,
      liveCalls: sql<unknown>`(select coalesce(json_agg(json_build_object('id', cc.id, 'leadId', cc.lead_id, 'leadName', l.name, 'phone', cc.phone, 'status', cc.status,
          'attemptNumber', cc.attempt_number, 'dialedAt', cc.dialed_at, 'answeredAt', cc.answered_at) order by cc.claimed_at), '[]'::json)
        from campaign_calls cc join leads l on l.id = cc.lead_id where cc.campaign_id = campaigns.id and cc.status in (${sql.join(inFlightCallStatuses.map((s) => sql`${s}`), sql`, `)}))`,
      notifications: sql<unknown>`(select coalesce(json_agg(json_build_object('id', n.id, 'kind', n.kind, 'message', n.message, 'createdAt', n.created_at) order by n.created_at desc), '[]'::json)
        from (select id, kind, message, created_at from notifications where campaign_id = campaigns.id order by created_at desc limit 10) n)`,
      lastHour: sql<unknown>`(select json_build_object('calls', count(*), 'firstAt', min(claimed_at)) from campaign_calls where campaign_id = campaigns.id and claimed_at >= ${hourAgo.toISOString()}::timestamptz)`,
      // The campaign's local day (local midnight to the next, in the campaign's zone, as campaignDayBounds reads it
      // for the claim's daily cap), computed here in SQL since the campaign is read in this same statement.
      callsToday: callsClaimedBetween(
        sql`campaigns.id`,
        sql`(${localMidnight} at time zone (campaigns.config ->> 'timezone'))`,
        sql`((${localMidnight} + interval '1 day') at time zone (campaigns.config ->> 'timezone'))`,
      ),
    })
    .from(c)
    .where(and(eq(c.id, campaign.id), eq(c.workspaceId, campaign.workspaceId)))
    .limit(1);
  if (!row) throw notFound('Campaign');
  const found = row.campaign;
  const stored = json<Record<string, number> | null>(row.counts);
  const leadCounts: LeadCounts = {
    total: stored?.total ?? 0,
    pending: stored?.pending ?? 0,
    calling: stored?.calling ?? 0,
    retryScheduled: stored?.retry_scheduled ?? 0,
    completed: stored?.completed ?? 0,
    exhausted: stored?.exhausted ?? 0,
    doNotCall: stored?.do_not_call ?? 0,
    needsConsent: stored?.needs_consent ?? 0,
    called: stored?.called ?? 0,
    qualified: stored?.qualified ?? 0,
  };
  const liveCalls = json<(Omit<LiveCall, 'dialedAt' | 'answeredAt'> & { dialedAt: string | null; answeredAt: string | null })[]>(row.liveCalls).map((l) => ({
    ...l,
    dialedAt: instant(l.dialedAt),
    answeredAt: instant(l.answeredAt),
  }));
  const notifications: Notice[] = json<(Omit<Notice, 'createdAt'> & { createdAt: string })[]>(row.notifications).map((n) => ({ ...n, createdAt: new Date(n.createdAt) }));
  const lastHour = json<{ calls: number; firstAt: string | null }>(row.lastHour);
  const counts = progressOf(leadCounts);

  const config = found.config;
  const window = campaignWindowStatus({ now, campaignTimezone: config.timezone, callWindows: config.callWindows });
  // Calls still owed: each waiting lead at least once more; a retry-scheduled lead possibly up to its cap.
  const remainingCalls = leadCounts.pending + leadCounts.retryScheduled + liveCalls.length;
  const forecast = forecastCampaign({
    now,
    timezone: config.timezone,
    callWindows: config.callWindows,
    pace: pacePerHour({ callsLastHour: Number(lastHour.calls), firstCallInHourAt: instant(lastHour.firstAt), now }),
    remainingCalls,
    successful: counts.successful,
    calledLeads: counts.called,
    remainingLeads: counts.remaining,
  });

  return {
    status: found.status,
    ...counts,
    inFlight: liveCalls.length,
    callsToday: Number(row.callsToday),
    maxCallsPerLead: effectiveMaxAttempts(config),
    spent: found.spent,
    budget: config.budget ?? null,
    withinWindow: window.open,
    // The API field's name is kept for its clients; what it holds is when the call windows next open (now while open).
    nextCallAt: found.status === 'active' || found.status === 'paused' || found.status === 'draft' ? (window.nextOpenAt?.toISOString() ?? null) : null,
    throttledUntil: found.throttledUntil,
    notifications,
    liveCalls,
    forecast: { finishAt: forecast.finishAt?.toISOString() ?? null, expectedQualified: forecast.expectedQualified, pacePerHour: forecast.pacePerHour },
  };
}
