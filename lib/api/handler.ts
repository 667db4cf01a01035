// The one wrapper every route handler goes through: auth, ownership context, errors.
import 'server-only';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getDb, type Db } from '@/db';
import { userFromHeaders, type SessionUser } from '@/lib/auth';
import { AppError, asAppError, notFound, validationError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { nulMessage, nulPath, withoutNul } from '@/lib/nul-bytes';
import { env } from '@/lib/env';
import { JSON_MAX_DEPTH, nestsDeeperThan } from '@/lib/http/json-depth';
import { withApiHeaders } from '@/lib/http/security-headers';
import { assertRole, resolveWorkspace, type WorkspaceAccess } from '@/lib/services/workspaces';
import { authenticateApiKey, looksLikeApiKey, type ApiKeyPrincipal } from '@/lib/services/api-keys';
import { appClock } from '@/lib/clock';
import { roleFor, WORKSPACE_HEADER, type WorkspaceAction } from '@/shared/workspace-roles';
import { limitApiRequest, requestKind } from './api-rate-limit';
import { readBoundedText } from './bounded-body';
import { idempotent } from './idempotency';
import { assertSameOrigin } from './same-origin';

type RouteContext = { params: Promise<Record<string, string | string[]>> };

// Handlers get the database from here, never from db/ themselves (a lint rule keeps app/api off db/).
export type HandlerArgs = { req: Request; params: Record<string, string>; user: SessionUser; workspace: WorkspaceAccess; db: Db };
export type UserHandlerArgs = Omit<HandlerArgs, 'workspace'>;
type Handler<A> = (args: A) => Promise<Response | unknown>;

export function errorResponse(thrown: unknown): Response {
  return withApiHeaders(errorBody(asAppError(thrown)));
}

function errorBody(error: unknown): Response {
  if (error instanceof AppError) {
    const headers = error.retryAfterSeconds ? { 'Retry-After': String(error.retryAfterSeconds) } : undefined;
    return NextResponse.json({ error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } }, { status: error.status, headers });
  }
  if (error instanceof z.ZodError) return errorBody(validationError(error));
  logger.error('unhandled error in route', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  return NextResponse.json({ error: { code: 'internal', message: 'Something went wrong on our side' } }, { status: 500 });
}

function toResponse(result: unknown, status = 200, location?: string): Response {
  if (result instanceof Response) return withApiHeaders(result);
  const headers = location ? { Location: location } : undefined;
  return withApiHeaders(NextResponse.json(result ?? { ok: true }, { status, headers }));
}

export type UserHandlerOptions = {
  status?: number;
  limit?: 'create';
  /** The created resource's URL, sent as `Location` (every 201 has one). */
  location?: (result: any, params: Record<string, string>) => string;
  /** Honour an `Idempotency-Key` header: a retry gets the first answer (lib/api/idempotency.ts). */
  idempotent?: boolean;
};

async function paramsOf(ctx?: RouteContext): Promise<Record<string, string>> {
  const raw = ctx?.params ? await ctx.params : {};
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : v]));
}

type UserOptions = UserHandlerOptions & {
  /** What the request does, so the least role it needs (shared/workspace-roles.ts): by default `read` for GET and HEAD, `write` for any other method. */
  can?: WorkspaceAction;
  /** The path param naming the workspace acted in (a route about the workspace itself); an X-Workspace-Id naming another is 404. */
  workspaceParam?: string;
  /** `false`: a signed-in user only; an API key is a 403 (the key routes themselves, so a key cannot mint keys). */
  apiKeys?: boolean;
};

/**
 * A handler for signed-in users (session cookie or bearer token) and API keys (`Authorization: Bearer oce_…` or
 * `x-api-key`); 401 otherwise, and at once for a revoked key. Cross-site writes are 403 unless they carry a
 * token or key; each request counts against its principal's rate limit for its kind (the user, or the key
 * itself; `limit: 'create'` for the heaviest writes), 429 when spent. A user acts in the workspace its
 * `X-Workspace-Id` header names (404 unless a member), else their active one; a key acts in its own workspace
 * (any other named is 404) with its role, never above its creator's. A role below the one needed is a 403
 * naming it. Services still scope every lookup by `workspace.id`.
 */
export function withUser(handler: Handler<HandlerArgs>, options: UserOptions = {}) {
  return withPrincipal(async ({ apiKey, ...args }) => {
    const header = args.req.headers.get(WORKSPACE_HEADER);
    const fromPath = options.workspaceParam ? (args.params[options.workspaceParam] ?? '') : null;
    if (fromPath === '' || (fromPath !== null && header && header !== fromPath)) throw notFound('Workspace');
    const requested = fromPath ?? header;
    let workspace: WorkspaceAccess;
    if (apiKey) {
      if (options.apiKeys === false) throw new AppError('forbidden', 'API keys cannot use this route; sign in to the dashboard');
      if (requested && requested !== apiKey.workspace.id) throw notFound('Workspace');
      workspace = apiKey.workspace;
    } else {
      workspace = await resolveWorkspace(args.db, { user: args.user, requested, now: new Date() });
    }
    assertRole(workspace, roleFor(options.can ?? defaultAction(args.req.method)));
    return handler({ ...args, workspace });
  }, options);
}

/** A handler for signed-in users that acts in no one workspace (the list of the user's workspaces, switching); an API key is a 403. */
export function withSignedIn(handler: Handler<UserHandlerArgs>, options: UserHandlerOptions = {}) {
  return withPrincipal(async ({ apiKey, ...args }) => {
    if (apiKey) throw new AppError('forbidden', 'An API key acts in its own workspace only; this route needs a signed-in user');
    return handler(args);
  }, options);
}

/** The API key a request carries: `x-api-key`, or a bearer token with the key prefix (a session token has none). */
function apiKeyOf(headers: Headers): string | null {
  const header = headers.get('x-api-key');
  if (header !== null) return header.trim();
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '')?.[1];
  return bearer && looksLikeApiKey(bearer) ? bearer : null;
}

function withPrincipal(handler: Handler<UserHandlerArgs & { apiKey?: ApiKeyPrincipal }>, options: UserHandlerOptions) {
  return async (req: Request, ctx?: RouteContext): Promise<Response> => {
    try {
      assertSameOrigin(req);
      const db = await getDb();
      const key = apiKeyOf(req.headers);
      let user: SessionUser | null;
      let apiKey: ApiKeyPrincipal | undefined;
      if (key !== null) {
        apiKey = (await authenticateApiKey(db, { key, now: appClock().now() })) ?? undefined;
        if (!apiKey) throw new AppError('unauthorized', 'The API key is not valid or has been revoked');
        user = apiKey.user;
      } else {
        user = await userFromHeaders(req.headers);
        if (!user) throw new AppError('unauthorized', 'Sign in or send a bearer token');
      }
      await limitApiRequest(apiKey ? `key:${apiKey.keyId}` : `user:${user.id}`, requestKind(req, options.limit));
      const params = await paramsOf(ctx);
      const signedIn = user;
      const run = async () => {
        const result = await handler({ req, params, user: signedIn, db, apiKey });
        return toResponse(result, options.status, options.location && !(result instanceof Response) ? options.location(result, params) : undefined);
      };
      return options.idempotent ? withApiHeaders(await idempotent(req, user, db, run, apiKey ? `key:${apiKey.keyId}` : '')) : await run();
    } catch (error) {
      return errorResponse(error);
    }
  };
}

function defaultAction(method: string): WorkspaceAction {
  return method === 'GET' || method === 'HEAD' ? 'read' : 'write';
}

/** A handler with no user (webhooks verify their own signatures). */
export function withErrors(handler: Handler<{ req: Request; params: Record<string, string>; db: Db }>) {
  return async (req: Request, ctx?: RouteContext): Promise<Response> => {
    try {
      return toResponse(await handler({ req, params: await paramsOf(ctx), db: await getDb() }));
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/**
 * The JSON body, or 400 when it is not JSON or nests deeper than `JSON_MAX_DEPTH`, 413 past `JSON_MAX_BYTES` (read no further). A string holding a NUL (which Postgres cannot store) is
 * a 422 naming its field; with `stripNul` (the agent's report, which must never be refused for it)
 * the NULs are removed instead.
 */
export async function jsonBody(req: Request, options: { stripNul?: boolean } = {}): Promise<unknown> {
  const text = await readBoundedText(req, env.JSON_MAX_BYTES);
  if (!text.trim()) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON');
  }
  // Before anything walks it: every walk below (NULs, zod, stringify) recurses, and a deep body overflows the stack.
  if (nestsDeeperThan(body, JSON_MAX_DEPTH)) throw new AppError('bad_request', `The request body is nested deeper than ${JSON_MAX_DEPTH} levels`);
  if (options.stripNul) return withoutNul(body);
  const field = nulPath(body);
  if (field) throw new AppError('unprocessable', nulMessage(field), { [field]: nulMessage(field) });
  return body;
}

/** Query string as a plain object for zod; a NUL in it is a 400 naming the parameter. */
export function queryOf(req: Request): Record<string, string> {
  const query = Object.fromEntries(new URL(req.url).searchParams.entries());
  const field = nulPath(query);
  if (field) throw new AppError('bad_request', nulMessage(field), { [field]: nulMessage(field) });
  return query;
}

export const uuidParam = (name: string) => z.object({ [name]: z.uuid({ message: `${name} is not a valid id` }) });
