// The check API's decision: may each of these numbers be called at `at`? One workspace context load for the
// whole batch, then decideForLead per number: the same code and data the claim decides with.
import 'server-only';
import { and, inArray } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { AppError, type FieldErrors } from '@/lib/errors';
import { getCampaignOrThrow } from '@/lib/services/campaigns/get-campaign-or-throw';
import { normalizePhone } from '@/lib/services/leads/normalize-phone';
import type { ComplianceCheckRequest } from './api-schemas';
import { complianceCampaignOf } from './campaign-rules';
import { decideForLead, loadWorkspaceComplianceContext, type ComplianceCampaign, type ComplianceLead } from './decide-for-lead';
import type { ComplianceDecision } from './types';

const e164Shape = /^\+[1-9]\d{6,14}$/;

export type NumberCheckResult = Omit<ComplianceDecision, 'nextAllowedAt'> & {
  phone: string;
  at: string;
  campaignId: string | null;
  /** The campaign's lead with this number, whose consent record (and declared zone/state, when none was sent) was used. */
  leadId: string | null;
  nextAllowedAt: string | null;
};

/** The number as stored on leads and the DNC list; an E.164 number outside libphonenumber's ranges is taken as it is. */
function phoneOf(raw: string, region: string): { ok: true; phone: string } | { ok: false; reason: string } {
  const read = normalizePhone(raw, region);
  if (read.ok) return { ok: true, phone: read.phone };
  const compact = raw.replace(/[\s().-]/g, '');
  return e164Shape.test(compact) ? { ok: true, phone: compact } : { ok: false, reason: read.reason };
}

const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

/**
 * Decides every check; field errors name their place (`phone`, or `checks.3.phone` with `fieldPrefix`).
 * The workspace context is loaded at the earliest instant checked (or now), so blackouts still in force then are
 * seen; calls in the last 24 h are counted up to now, which over-counts for a past instant: the check errs on
 * the side of refusing.
 */
export async function checkNumbers(
  db: Queryable,
  { workspaceId, checks, now, fieldPrefix }: { workspaceId: string; checks: readonly ComplianceCheckRequest[]; now: Date; fieldPrefix?: (index: number) => string },
): Promise<NumberCheckResult[]> {
  const prefix = fieldPrefix ?? (() => '');
  const campaignIds = [...new Set(checks.map((c) => c.campaignId).filter((id): id is string => !!id))];
  const campaigns = new Map<string, ComplianceCampaign>();
  for (const campaignId of campaignIds) campaigns.set(campaignId, complianceCampaignOf((await getCampaignOrThrow(db, { workspaceId, campaignId })).config));

  const errors: FieldErrors = {};
  const phones = checks.map((c, i) => {
    const read = phoneOf(c.phone, (c.campaignId && campaigns.get(c.campaignId)?.defaultRegion) || 'US');
    if (read.ok) return read.phone;
    errors[`${prefix(i)}phone`] = read.reason;
    return '';
  });
  const bad = Object.keys(errors);
  if (bad.length) throw new AppError('unprocessable', `Invalid ${bad.slice(0, 3).join(', ')}${bad.length > 3 ? ', …' : ''}: ${errors[bad[0]]}`, errors);

  const stored = new Map<string, { id: string; timezone: string | null; state: string | null; consentAt: Date | null; consentSource: string | null; consentText: string | null }>();
  if (campaignIds.length) {
    const l = schema.leads;
    const rows = await db
      .select({ id: l.id, campaignId: l.campaignId, phone: l.phone, timezone: l.timezone, state: l.state, consentAt: l.consentAt, consentSource: l.consentSource, consentText: l.consentText })
      .from(l)
      .where(and(inArray(l.campaignId, campaignIds), inArray(l.phone, [...new Set(phones)])));
    for (const r of rows) stored.set(`${r.campaignId}|${r.phone}`, r);
  }

  const instants = checks.map((c) => c.at ?? now);
  const earliest = new Date(Math.min(now.getTime(), ...instants.map((d) => d.getTime())));
  const ctx = await loadWorkspaceComplianceContext(db, { workspaceId, phones, now: earliest });

  return checks.map((c, i) => {
    const campaign = c.campaignId ? campaigns.get(c.campaignId)! : null;
    const lead = c.campaignId ? stored.get(`${c.campaignId}|${phones[i]}`) : undefined;
    const subject: ComplianceLead = {
      phone: phones[i],
      timezone: blank(c.timezone) ?? lead?.timezone ?? null,
      state: blank(c.state) ?? lead?.state ?? null,
      consentAt: lead?.consentAt ?? null,
      consentSource: lead?.consentSource ?? null,
      consentText: lead?.consentText ?? null,
    };
    const decision = decideForLead(ctx, subject, campaign, instants[i]);
    const fromLead: string[] = [];
    if (blank(c.timezone) === null && lead?.timezone) fromLead.push('declared zone');
    if (blank(c.state) === null && lead?.state) fromLead.push('declared state');
    const notes = lead ? [...decision.notes, `the campaign's lead with this number supplied its consent record${fromLead.length ? ` and ${fromLead.join(' and ')}` : ''}`] : decision.notes;
    return {
      ...decision,
      notes,
      phone: phones[i],
      at: instants[i].toISOString(),
      campaignId: c.campaignId ?? null,
      leadId: lead?.id ?? null,
      nextAllowedAt: decision.nextAllowedAt?.toISOString() ?? null,
    };
  });
}
