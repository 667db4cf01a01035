import type { schema } from '@/db';
import { openLeadContext } from './lead-context';

export type LeadRow = typeof schema.leads.$inferSelect;

/** A lead as the API shows it. */
export function presentLead(row: LeadRow) {
  return {
    id: row.id,
    campaignId: row.campaignId,
    name: row.name,
    phone: row.phone,
    company: row.company,
    email: row.email,
    timezone: row.timezone,
    state: row.state,
    consentAt: row.consentAt,
    consentSource: row.consentSource,
    consentText: row.consentText,
    context: openLeadContext(row.context),
    status: row.status,
    callAttempts: row.callAttempts,
    lastCalledAt: row.lastCalledAt,
    nextRetryAt: row.nextRetryAt,
    lastOutcome: row.lastOutcome,
    qualificationScore: row.qualificationScore,
    qualification: row.qualification,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
export type LeadDto = ReturnType<typeof presentLead>;
