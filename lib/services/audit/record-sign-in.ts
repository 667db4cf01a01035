import { eq, sql } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { recordAudit } from './record-audit';

export type SignInOutcome = 'succeeded' | 'wrong_credentials' | 'throttled';

/**
 * One sign-in attempt on the audit log of the account's personal workspace, the account as the actor. The
 * password is never read here; an email naming no account is not kept either (the row has no workspace and
 * no actor), since a mistyped field may hold anything.
 */
export async function recordSignIn(db: Queryable, { email, ip, outcome, now }: { email: string; ip: string | undefined; outcome: SignInOutcome; now: Date }) {
  const [user] = await db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(eq(sql`lower(${schema.users.email})`, email.trim().toLowerCase()))
    .limit(1);
  await recordAudit(db, {
    actorId: user?.id ?? null,
    campaignId: null,
    action: outcome === 'succeeded' ? 'auth.sign_in' : 'auth.sign_in_failed',
    details: { ip: ip ?? null, ...(outcome === 'succeeded' ? {} : { reason: outcome }), ...(user ? {} : { knownAccount: false }) },
    at: now,
  });
}
