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
} as const;

export type ErrorCode = keyof typeof errorCodes;
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    /** For `rate_limited`: seconds until a retry can succeed, sent as `Retry-After`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number {
    return errorCodes[this.code];
  }
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
