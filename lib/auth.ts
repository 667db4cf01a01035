// better-auth: email and password, cookie sessions, bearer tokens for programmatic access.
import 'server-only';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { bearer } from 'better-auth/plugins';
import { getDb } from '@/db';
import * as schema from '@/db/schema';
import { env } from '@/lib/env';
import { requestHost } from '@/lib/http/forwarded';
import { devSecret } from '@/lib/secrets';
import { appClock } from '@/lib/clock';
import { ensurePersonalWorkspace } from '@/lib/services/workspaces/personal-workspace';

async function createAuth() {
  const db = await getDb();
  return betterAuth({
    // Unset APP_URL: the base URL follows the request, so any host and port works.
    baseURL: env.APP_URL,
    secret: env.BETTER_AUTH_SECRET ?? devSecret('better-auth'),
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: schema.users, session: schema.sessions, account: schema.accounts, verification: schema.verifications },
    }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, autoSignIn: true },
    // The app's own host as the request names it (forwarded headers only behind TRUSTED_PROXY), on
    // either scheme: the same rule as the API's cross-site check (lib/api/same-origin.ts).
    trustedOrigins: async (request) => [...(request ? ['http', 'https'].map((scheme) => `${scheme}://${requestHost(request)}`) : []), ...(env.APP_URL ? [env.APP_URL] : [])],
    plugins: [bearer()],
    // Every new user gets a personal workspace they own. Nothing else: the address is not verified, so invitations
    // are accepted through their link (POST /api/invitations/accept), never by signing up with an invited address.
    databaseHooks: {
      user: { create: { after: async (user) => ensurePersonalWorkspace(db, { user, now: appClock().now() }) } },
    },
    advanced: {
      database: { generateId: () => crypto.randomUUID() },
      // better-auth skips its origin check when NODE_ENV=test; check everywhere, so tests see production.
      disableOriginCheck: false,
      // Set by lib/api/auth-route.ts from the address lib/http believes, never taken from the client.
      ipAddress: { ipAddressHeaders: ['x-app-client-ip'] },
    },
    // Attempts are limited in lib/api/auth-route.ts, in Postgres, per address and per account.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
  });
}


export type Auth = Awaited<ReturnType<typeof createAuth>>;

const holder = globalThis as unknown as { __auth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  holder.__auth ??= createAuth();
  return holder.__auth;
}

export type SessionUser = { id: string; email: string; name: string };

/** The signed-in user from the session cookie or an `Authorization: Bearer` token, or null. */
export async function userFromHeaders(headers: Headers): Promise<SessionUser | null> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  return { id: session.user.id, email: session.user.email, name: session.user.name };
}

/** Used by tests after they swap the database. */
export function resetAuth() {
  holder.__auth = undefined;
}
