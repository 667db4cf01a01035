// Workspace API keys: `oce_` and 43 base64url characters (32 random bytes), kept only as their SHA-256. A key acts
// in its workspace with its own role, never above its creator's current one; a creator who has left the workspace
// (or a revoked key) authenticates nothing. Looked up by hash on every request, so a revocation holds at once.
import 'server-only';
import crypto from 'node:crypto';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { schema, type Db, type Queryable } from '@/db';
import { AppError, notFound } from '@/lib/errors';
import { recordAudit } from '@/lib/services/audit';
import { WORKSPACE_ROLES, roleAtLeast, type WorkspaceRole } from '@/shared/workspace-roles';
import type { WorkspaceAccess } from '@/lib/services/workspaces';
import { isUuid } from '@/lib/services/campaigns/get-campaign-or-throw';
import type { CreateApiKeyBody } from './schemas';

export const API_KEY_PREFIX = 'oce_';
const PREFIX_SHOWN = API_KEY_PREFIX.length + 8;
/** Last-used time is written at most this often per key, so a busy key costs one read per request, not a write. */
const LAST_USED_EVERY_MS = 60_000;

const k = schema.apiKeys;
const m = schema.workspaceMembers;
const w = schema.workspaces;
const u = schema.users;

export const looksLikeApiKey = (token: string) => token.startsWith(API_KEY_PREFIX);
const hashOf = (key: string) => crypto.createHash('sha256').update(key).digest('hex');

const listed = { id: k.id, prefix: k.prefix, name: k.name, role: k.role, createdAt: k.createdAt, lastUsedAt: k.lastUsedAt };

/** 403 naming the role for a key above the creator's own role; the key is returned once, never again. */
export async function createApiKey(db: Db, { workspace, actorId, input, now }: { workspace: WorkspaceAccess; actorId: string; input: CreateApiKeyBody; now: Date }) {
  const role = input.role ?? workspace.role;
  if (!roleAtLeast(workspace.role, role)) {
    throw new AppError('forbidden', `A ${workspace.role} cannot create a key with the ${role} role`, { role: `at most ${workspace.role}` });
  }
  const key = API_KEY_PREFIX + crypto.randomBytes(32).toString('base64url');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(k)
      .values({ workspaceId: workspace.id, createdBy: actorId, name: input.name, role, prefix: key.slice(0, PREFIX_SHOWN), keyHash: hashOf(key), createdAt: now })
      .returning({ id: k.id, prefix: k.prefix, name: k.name, role: k.role, createdAt: k.createdAt });
    await recordAudit(tx, { actorId, campaignId: null, action: 'api_key.created', details: { workspaceId: workspace.id, apiKeyId: row.id, role }, at: now });
    return { id: row.id, key, prefix: row.prefix, name: row.name, role: row.role, createdAt: row.createdAt };
  });
}

/** The workspace's live keys, newest first: prefix only. */
export async function listApiKeys(db: Queryable, { workspaceId }: { workspaceId: string }) {
  const items = await db
    .select({ ...listed, createdBy: u.name })
    .from(k)
    .leftJoin(u, eq(u.id, k.createdBy))
    .where(and(eq(k.workspaceId, workspaceId), isNull(k.revokedAt)))
    .orderBy(desc(k.createdAt), desc(k.id));
  return { items };
}

/** Revokes a live key of this workspace (404 otherwise); a key above the actor's role is a 403 naming it. */
export async function revokeApiKey(db: Db, { workspace, actorId, id, now }: { workspace: WorkspaceAccess; actorId: string; id: string; now: Date }) {
  if (!isUuid(id)) throw notFound('API key');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: k.id, role: k.role })
      .from(k)
      .where(and(eq(k.id, id), eq(k.workspaceId, workspace.id), isNull(k.revokedAt)))
      .for('update');
    if (!row) throw notFound('API key');
    if (!roleAtLeast(workspace.role, row.role)) {
      throw new AppError('forbidden', `A ${workspace.role} cannot revoke a key with the ${row.role} role`, { role: `at most ${workspace.role}` });
    }
    await tx.update(k).set({ revokedAt: now }).where(eq(k.id, id));
    await recordAudit(tx, { actorId, campaignId: null, action: 'api_key.revoked', details: { workspaceId: workspace.id, apiKeyId: id }, at: now });
    return { deleted: true as const, id };
  });
}

export type ApiKeyPrincipal = { keyId: string; user: { id: string; email: string; name: string }; workspace: WorkspaceAccess };

const weaker = (a: WorkspaceRole, b: WorkspaceRole): WorkspaceRole => (WORKSPACE_ROLES.indexOf(a) <= WORKSPACE_ROLES.indexOf(b) ? a : b);

/** The key's principal, or null for an unknown or revoked key, or one whose creator is no longer a member. */
export async function authenticateApiKey(db: Queryable, { key, now }: { key: string; now: Date }): Promise<ApiKeyPrincipal | null> {
  const [row] = await db
    .select({ id: k.id, keyRole: k.role, lastUsedAt: k.lastUsedAt, workspaceId: w.id, workspaceName: w.name, memberRole: m.role, userId: u.id, email: u.email, name: u.name })
    .from(k)
    .innerJoin(w, eq(w.id, k.workspaceId))
    .innerJoin(m, and(eq(m.workspaceId, k.workspaceId), eq(m.userId, k.createdBy)))
    .innerJoin(u, eq(u.id, k.createdBy))
    .where(and(eq(k.keyHash, hashOf(key)), isNull(k.revokedAt)))
    .limit(1);
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    const stale = new Date(now.getTime() - LAST_USED_EVERY_MS);
    // The condition makes concurrent requests write once between them.
    await db.update(k).set({ lastUsedAt: now }).where(and(eq(k.id, row.id), or(isNull(k.lastUsedAt), lt(k.lastUsedAt, stale))));
  }
  return {
    keyId: row.id,
    user: { id: row.userId, email: row.email, name: row.name },
    workspace: { id: row.workspaceId, name: row.workspaceName, role: weaker(row.keyRole, row.memberRole) },
  };
}
