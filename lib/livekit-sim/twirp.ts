// Twirp over HTTP as the LiveKit server speaks it: JSON in, JSON out, and errors as
// `{ code, msg, meta }` with the HTTP status Twirp assigns to each code.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const httpStatusByTwirpCode = {
  canceled: 408,
  invalid_argument: 400,
  malformed: 400,
  deadline_exceeded: 408,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  permission_denied: 403,
  unauthenticated: 401,
  resource_exhausted: 429,
  failed_precondition: 412,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  dataloss: 500,
} as const;

export type TwirpCode = keyof typeof httpStatusByTwirpCode;

/** A refusal the simulator sends back as a Twirp error; `meta` carries e.g. the SIP status. */
export class TwirpFailure extends Error {
  constructor(
    readonly code: TwirpCode,
    message: string,
    readonly meta?: Record<string, string>,
  ) {
    super(message);
    this.name = 'TwirpFailure';
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  if (res.writableEnded || res.destroyed) return;
  // Exactly 'application/json': the SDK only parses an error body when the header matches verbatim.
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

export function sendTwirpError(res: ServerResponse, failure: TwirpFailure) {
  sendJson(res, httpStatusByTwirpCode[failure.code], { code: failure.code, msg: failure.message, ...(failure.meta ? { meta: failure.meta } : {}) });
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A protobuf Duration in its JSON form, e.g. "30s" or "1.5s", in seconds. */
export function durationSeconds(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+(?:\.\d+)?)s$/.exec(value);
  return match ? Number(match[1]) : undefined;
}
