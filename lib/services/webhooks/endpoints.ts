// The workspace's webhook endpoints: create (the secret is answered once), list, change, remove. Owned by
// A workspace's endpoints, like its campaigns; another workspace's endpoint, or none, is the same 404.
import 'server-only';
import crypto from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { AppError, notFound } from '@/lib/errors';
import { recordAudit } from '@/lib/services/audit';
import { isUuid } from '@/lib/services/campaigns/get-campaign-or-throw';
import type { CreateWebhookBody, UpdateWebhookBody } from './schemas';
import { webhookUrlProblem, type UrlPolicy } from './url-policy';

const e = schema.webhookEndpoints;
const columns = { id: e.id, url: e.url, description: e.description, events: e.events, disabledAt: e.disabledAt, disabledReason: e.disabledReason, createdAt: e.createdAt, updatedAt: e.updatedAt };
type EndpointRow = { id: string; url: string; description: string | null; events: string[]; disabledAt: Date | null; disabledReason: string | null; createdAt: Date; updatedAt: Date };

export type WebhookEndpoint = EndpointRow & { enabled: boolean };

const present = (row: EndpointRow): WebhookEndpoint => ({ ...row, enabled: row.disabledAt === null });

/** A Standard Webhooks secret: `whsec_` and 24 random bytes in base64. */
export const newWebhookSecret = () => `whsec_${crypto.randomBytes(24).toString('base64')}`;

async function assertUrl(url: string, policy: UrlPolicy) {
  const problem = await webhookUrlProblem(url, policy);
  if (problem) throw new AppError('unprocessable', `The webhook URL ${problem}`, { url: problem });
}

export async function getWebhookEndpointOrThrow(db: Queryable, { workspaceId, id }: { workspaceId: string; id: string }) {
  if (!isUuid(id)) throw notFound('Webhook endpoint');
  const [row] = await db.select().from(e).where(and(eq(e.id, id), eq(e.workspaceId, workspaceId)));
  if (!row) throw notFound('Webhook endpoint');
  return row;
}

export async function createWebhookEndpoint(
  db: Queryable,
  { workspaceId, actorId, input, policy, now }: { workspaceId: string; actorId: string; input: CreateWebhookBody; policy: UrlPolicy; now: Date },
): Promise<WebhookEndpoint & { secret: string }> {
  await assertUrl(input.url, policy);
  const secret = newWebhookSecret();
  const [row] = await db
    .insert(e)
    .values({ workspaceId, url: input.url, events: input.events, description: input.description || null, secret, createdAt: now, updatedAt: now })
    .returning(columns);
  await recordAudit(db, { actorId, campaignId: null, action: 'webhook.created', details: { id: row.id, url: row.url, events: row.events }, at: now });
  return { ...present(row), secret };
}

/** The workspace's endpoints (a list a person reads), newest first; never their secrets. */
export async function listWebhookEndpoints(db: Queryable, { workspaceId }: { workspaceId: string }): Promise<{ items: WebhookEndpoint[] }> {
  const rows = await db.select(columns).from(e).where(eq(e.workspaceId, workspaceId)).orderBy(desc(e.createdAt), desc(e.id)).limit(100);
  return { items: rows.map(present) };
}

export async function updateWebhookEndpoint(
  db: Queryable,
  { workspaceId, actorId, id, input, policy, now }: { workspaceId: string; actorId: string; id: string; input: UpdateWebhookBody; policy: UrlPolicy; now: Date },
): Promise<WebhookEndpoint> {
  const current = await getWebhookEndpointOrThrow(db, { workspaceId, id });
  if (input.url !== undefined) await assertUrl(input.url, policy);
  const enabling = input.enabled === true && current.disabledAt !== null;
  const changes: Partial<typeof e.$inferInsert> = {
    ...(input.url !== undefined ? { url: input.url } : {}),
    ...(input.events !== undefined ? { events: input.events } : {}),
    ...(input.description !== undefined ? { description: input.description || null } : {}),
    ...(enabling ? { disabledAt: null, disabledReason: null } : {}),
    ...(input.enabled === false && current.disabledAt === null ? { disabledAt: now, disabledReason: 'Disabled by the user' } : {}),
    updatedAt: now,
  };
  return db.transaction(async (tx) => {
    const [row] = await tx.update(e).set(changes).where(eq(e.id, current.id)).returning(columns);
    if (enabling) {
      // What waited while the endpoint was off gets a fresh 24 hours from now.
      await tx
        .update(schema.webhookDeliveries)
        .set({ nextAttemptAt: now, retryWindowFrom: now })
        .where(and(eq(schema.webhookDeliveries.endpointId, current.id), eq(schema.webhookDeliveries.status, 'pending')));
    }
    await recordAudit(tx, { actorId, campaignId: null, action: 'webhook.updated', details: { id: row.id, changed: Object.keys(input) }, at: now });
    return present(row);
  });
}

export async function deleteWebhookEndpoint(db: Queryable, { workspaceId, actorId, id, now }: { workspaceId: string; actorId: string; id: string; now: Date }): Promise<{ deleted: true; id: string }> {
  if (!isUuid(id)) throw notFound('Webhook endpoint');
  const [row] = await db.delete(e).where(and(eq(e.id, id), eq(e.workspaceId, workspaceId))).returning({ id: e.id, url: e.url });
  if (!row) throw notFound('Webhook endpoint');
  await recordAudit(db, { actorId, campaignId: null, action: 'webhook.deleted', details: { id: row.id, url: row.url }, at: now });
  return { deleted: true, id: row.id };
}

export type WebhookDeliveryView = {
  id: string;
  eventId: string;
  type: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
  attemptLog: { at: Date; statusCode: number | null; durationMs: number; error: string | null }[];
};

/** The endpoint's latest deliveries, each with its attempts (newest first). */
export async function listWebhookDeliveries(db: Queryable, { workspaceId, id, limit }: { workspaceId: string; id: string; limit: number }): Promise<{ items: WebhookDeliveryView[] }> {
  const endpoint = await getWebhookEndpointOrThrow(db, { workspaceId, id });
  const d = schema.webhookDeliveries;
  const rows = await db
    .select({ id: d.id, eventId: d.eventId, type: schema.webhookEvents.type, status: d.status, attempts: d.attempts, lastStatusCode: d.lastStatusCode, lastError: d.lastError, nextAttemptAt: d.nextAttemptAt, deliveredAt: d.deliveredAt, createdAt: d.createdAt })
    .from(d)
    .innerJoin(schema.webhookEvents, eq(schema.webhookEvents.id, d.eventId))
    .where(eq(d.endpointId, endpoint.id))
    .orderBy(desc(d.createdAt), desc(d.seq))
    .limit(limit);
  const a = schema.webhookAttempts;
  const attempts = rows.length
    ? await db
        .select({ deliveryId: a.deliveryId, at: a.attemptedAt, statusCode: a.statusCode, durationMs: a.durationMs, error: a.error })
        .from(a)
        .where(inArray(a.deliveryId, rows.map((r) => r.id)))
        .orderBy(desc(a.attemptedAt), desc(a.id))
    : [];
  return {
    items: rows.map((r) => ({
      ...r,
      nextAttemptAt: r.status === 'pending' ? r.nextAttemptAt : null,
      attemptLog: attempts.filter((x) => x.deliveryId === r.id).map(({ deliveryId: _, ...rest }) => rest),
    })),
  };
}
