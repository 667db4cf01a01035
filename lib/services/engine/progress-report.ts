// What the dashboard polls: exact counters, calls in flight, the engine's notices, the next
// moment the campaign may call and a forecast.
import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { getCampaignOrThrow, progressOf, readLeadCounts } from '@/lib/services/campaigns';
import { effectiveMaxAttempts } from '@/lib/services/campaigns/config';
import { countCallsToday } from './claim-leads';
import { forecastCampaign, pacePerHour } from './forecast';
import { campaignWindowStatus } from './rules';

/** The workspace's campaign's progress (another workspace's campaign is a 404). */
export async function progressReport(db: Queryable, { workspaceId, campaignId, now }: { workspaceId: string; campaignId: string; now: Date }) {
  const campaign = await getCampaignOrThrow(db, { workspaceId, campaignId });
  const c = schema.campaignCalls;
  // Independent reads, side by side on the pool's connections: the answer waits for the slowest, not the sum.
  // The lead figures are one counter row, kept by the database in the same transaction as every lead change.
  const [leadCounts, liveCalls, notifications, [lastHour], callsToday] = await Promise.all([
    readLeadCounts(db, campaign.id),
    db
      .select({ id: c.id, leadId: c.leadId, leadName: schema.leads.name, phone: c.phone, status: c.status, attemptNumber: c.attemptNumber, dialedAt: c.dialedAt, answeredAt: c.answeredAt })
      .from(c)
      .innerJoin(schema.leads, eq(schema.leads.id, c.leadId))
      .where(and(eq(c.campaignId, campaign.id), inArray(c.status, ['pending', 'calling', 'in_progress'])))
      .orderBy(asc(c.claimedAt)),
    db
      .select({ id: schema.notifications.id, kind: schema.notifications.kind, message: schema.notifications.message, createdAt: schema.notifications.createdAt })
      .from(schema.notifications)
      .where(eq(schema.notifications.campaignId, campaign.id))
      .orderBy(desc(schema.notifications.createdAt))
      .limit(10),
    db
      .select({ callsLastHour: sql<number>`count(*)::int`, firstAt: sql<string | null>`min(${c.claimedAt})` })
      .from(c)
      .where(and(eq(c.campaignId, campaign.id), gte(c.claimedAt, new Date(now.getTime() - 3_600_000)))),
    countCallsToday(db as never, campaign, now),
  ]);
  const counts = progressOf(leadCounts);

  const config = campaign.config;
  const window = campaignWindowStatus({ now, campaignTimezone: config.timezone, callWindows: config.callWindows });
  // Calls still owed: each waiting lead at least once more; a retry-scheduled lead possibly up to its cap.
  const remainingCalls = leadCounts.pending + leadCounts.retryScheduled + liveCalls.length;
  const forecast = forecastCampaign({
    now,
    timezone: config.timezone,
    callWindows: config.callWindows,
    pace: pacePerHour({ callsLastHour: Number(lastHour.callsLastHour), firstCallInHourAt: lastHour.firstAt ? new Date(lastHour.firstAt) : null, now }),
    remainingCalls,
    successful: counts.successful,
    calledLeads: counts.called,
    remainingLeads: counts.remaining,
  });

  return {
    status: campaign.status,
    ...counts,
    inFlight: liveCalls.length,
    callsToday,
    maxCallsPerLead: effectiveMaxAttempts(config),
    spent: campaign.spent,
    budget: config.budget ?? null,
    withinWindow: window.open,
    nextCallAt: campaign.status === 'active' || campaign.status === 'paused' || campaign.status === 'draft' ? (window.nextOpenAt?.toISOString() ?? null) : null,
    throttledUntil: campaign.throttledUntil,
    notifications,
    liveCalls,
    forecast: { finishAt: forecast.finishAt?.toISOString() ?? null, expectedQualified: forecast.expectedQualified, pacePerHour: forecast.pacePerHour },
  };
}
