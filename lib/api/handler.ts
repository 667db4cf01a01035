// The one wrapper every route handler goes through: auth, ownership context, errors.
import 'server-only';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { userFromHeaders, type SessionUser } from '@/lib/auth';
import { AppError, validationError } from '@/lib/errors';
import { logger } from '@/lib/logger';

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export type HandlerArgs = { req: Request; params: Record<string, string>; user: SessionUser };
type Handler<A> = (args: A) => Promise<Response | unknown>;

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return NextResponse.json({ error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } }, { status: error.status });
  }
  if (error instanceof z.ZodError) return errorResponse(validationError(error));
  logger.error('unhandled error in route', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  return NextResponse.json({ error: { code: 'internal', message: 'Something went wrong on our side' } }, { status: 500 });
}

function toResponse(result: unknown, status = 200): Response {
  if (result instanceof Response) return result;
  return NextResponse.json(result ?? { ok: true }, { status });
}

async function paramsOf(ctx?: RouteContext): Promise<Record<string, string>> {
  const raw = ctx?.params ? await ctx.params : {};
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : v]));
}

/** A handler for signed-in users (session cookie or bearer token); 401 otherwise. */
export function withUser(handler: Handler<HandlerArgs>, options: { status?: number } = {}) {
  return async (req: Request, ctx?: RouteContext): Promise<Response> => {
    try {
      const user = await userFromHeaders(req.headers);
      if (!user) throw new AppError('unauthorized', 'Sign in or send a bearer token');
      return toResponse(await handler({ req, params: await paramsOf(ctx), user }), options.status);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A handler with no user (webhooks verify their own signatures). */
export function withErrors(handler: Handler<{ req: Request; params: Record<string, string> }>) {
  return async (req: Request, ctx?: RouteContext): Promise<Response> => {
    try {
      return toResponse(await handler({ req, params: await paramsOf(ctx) }));
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** The JSON body, or 400 when it is not JSON. */
export async function jsonBody(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON');
  }
}

/** Query string as a plain object for zod. */
export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams.entries());
}

export const uuidParam = (name: string) => z.object({ [name]: z.uuid({ message: `${name} is not a valid id` }) });
