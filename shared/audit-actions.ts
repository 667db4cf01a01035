// The audit log's vocabulary: every action a row can name, for the writers (lib/services/**), the
// GET /api/audit filter and the dashboard's Audit page.
export const AUDIT_ACTIONS = [
  'campaign.created',
  'campaign.cloned',
  'campaign.updated',
  'campaign.deleted',
  // A user's lifecycle actions…
  'campaign.start',
  'campaign.pause',
  'campaign.resume',
  'campaign.stop',
  // …and the engine's own transitions (actor null), named by the status reached.
  'campaign.paused',
  'campaign.completed',
  'lead.added',
  'lead.updated',
  'leads.imported',
  'lead.erased',
  'dnc.added',
  'dnc.removed',
  'dnc.imported',
  'calls.exported',
  'leads.exported',
  'compliance.exported',
  'compliance.blackout_added',
  'compliance.blackout_removed',
  'call.listen_in',
  'member.added',
  'member.invited',
  'member.invitation_revoked',
  // The invitee accepting their link (the actor is the new member).
  'member.joined',
  'member.role_changed',
  'member.removed',
  'workspace.created',
  'workspace.renamed',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'auth.sign_in',
  'auth.sign_in_failed',
  'api_key.created',
  'api_key.revoked',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const isAuditAction = (value: string): value is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(value);
