// One error type for the whole product; the API wrapper turns it into one JSON body.
import { z } from 'zod';

export const errorCodes = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    /** Seconds until a retry can succeed (rate_limited, unavailable), sent as `Retry-After`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number {
    return errorCodes[this.code];
  }
}

// How long a client should wait after a 503: a restart or failover of Postgres takes seconds.
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

// The database being away — refused, cut off, shutting down, out of connections — as postgres.js
// and Node report it: socket errors, postgres.js's own CONNECTION_* codes, and the SQLSTATEs of
// classes 08 (connection exception) and 57P (operator intervention), plus 53300 (too many connections).
const unavailableCodes = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN',
  'CONNECTION_ENDED', 'CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT',
  '57P01', '57P02', '57P03', '53300',
]);
const isUnavailableCode = (code: unknown) => typeof code === 'string' && (unavailableCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code));

/** Whether the error (or any error it wraps: drizzle and better-auth keep the driver's as `cause`) says the database is unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if (isUnavailableCode((e as { code?: unknown }).code)) return true;
  }
  return false;
}

/**
 * The error as the API answers it: an outage of the database becomes a 503 with Retry-After, a
 * wait rather than a fault; anything else is returned unchanged.
 */
export function asAppError(error: unknown): unknown {
  if (error instanceof AppError || !isDatabaseUnavailable(error)) return error;
  return new AppError('unavailable', 'The database is unavailable for a moment: try again shortly', undefined, UNAVAILABLE_RETRY_AFTER_SECONDS);
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const rateLimited = (message: string, retryAfterSeconds: number) => new AppError('rate_limited', message, undefined, retryAfterSeconds);
export const conflict = (message: string, fields?: FieldErrors) => new AppError('conflict', message, fields);

/** Zod issues keyed by their dotted path, e.g. `callWindows.0.endHour`. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

export function validationError(error: z.ZodError, code: ErrorCode = 'unprocessable'): AppError {
  const fields = fieldErrorsOf(error);
  const names = Object.keys(fields).filter((k) => k !== '_');
  const message = names.length ? `Invalid ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}: ${fields[names[0]]}` : (fields._ ?? 'Invalid input');
  return new AppError(code, message, fields);
}

/** Parses with a schema or throws a 422 naming the fields. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, code: ErrorCode = 'unprocessable'): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error, code);
  return result.data;
}
