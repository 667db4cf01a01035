// Turns whatever a LiveKit dial threw into the engine's DialError.
//
// The SIP status decides first. LiveKit folds SIP responses into Twirp codes (486 Busy Here,
// 600 Busy Everywhere and 480 Temporarily Unavailable all arrive as `resource_exhausted`, HTTP
// 429; 5xx from the carrier as `failed_precondition`), so the Twirp code is only read when the
// error carries no `sip_status_code`. That is also why a 429 is a rate limit only without one.
import { DialError, isDialError, type DialFailureKind } from './types';

/** What LiveKit's TwirpError / SipCallError carry; read by shape so a second bundled copy of the SDK still matches. */
type ServerErrorShape = { message: string; status?: number; code?: string; metadata?: Record<string, string> };

/** SIP final responses the engine tells apart; any other status falls back by class (see kindForSipStatus). */
export const dialKindBySipStatus: Readonly<Record<number, DialFailureKind>> = {
  486: 'busy', // Busy Here
  600: 'busy', // Busy Everywhere
  480: 'no_answer', // Temporarily Unavailable: phone off or out of coverage
  408: 'no_answer', // Request Timeout: rang out at the carrier
  487: 'no_answer', // Request Terminated: LiveKit cancelled the INVITE after the ringing timeout
  603: 'no_answer', // Decline: the callee rejected the call; another day may go better
  607: 'no_answer', // Unwanted
  608: 'no_answer', // Rejected by an intermediary (call screening)
  404: 'invalid_number', // Not Found
  410: 'invalid_number', // Gone
  484: 'invalid_number', // Address Incomplete
  485: 'invalid_number', // Ambiguous
  604: 'invalid_number', // Does Not Exist Anywhere
  401: 'unavailable', // the trunk's credentials are wrong: every call would fail the same way
  407: 'unavailable', // Proxy Authentication Required: same
  403: 'unavailable', // Forbidden: the carrier refuses this trunk
};

export function kindForSipStatus(status: number): DialFailureKind {
  return dialKindBySipStatus[status] ?? 'failed';
}

function serverErrorOf(error: unknown): ServerErrorShape | undefined {
  if (!(error instanceof Error)) return undefined;
  const candidate = error as Error & Partial<ServerErrorShape>;
  if (typeof candidate.status !== 'number' && typeof candidate.code !== 'string') return undefined;
  return candidate as ServerErrorShape;
}

function sipStatusOf(error: ServerErrorShape): number | undefined {
  const raw = error.metadata?.sip_status_code;
  const status = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(status) && status >= 300 ? status : undefined;
}

/** A Twirp error without a SIP status: LiveKit itself refused or failed, no call reached a phone. */
function kindForTwirp(error: ServerErrorShape): DialFailureKind {
  const code = error.code ?? '';
  const status = error.status ?? 0;
  if (code === 'resource_exhausted' || status === 429) return 'rate_limited';
  if (code === 'unauthenticated' || code === 'permission_denied' || status === 401 || status === 403) return 'unavailable';
  if (code === 'failed_precondition' || status === 412) return 'unavailable';
  if (code === 'not_found' || status === 404) {
    // The trunk or the agent is missing (a configuration problem); a vanished room is this call's problem only.
    return /\broom\b/i.test(error.message) && !/trunk|agent/i.test(error.message) ? 'failed' : 'unavailable';
  }
  // Ring-out: LiveKit gives up after the ringing timeout and cancels the INVITE without a final response.
  if (code === 'canceled' || code === 'deadline_exceeded' || status === 408) return 'no_answer';
  if ((code === 'invalid_argument' || status === 400) && /number|phone|call_?to|e\.?164/i.test(error.message)) return 'invalid_number';
  return 'failed';
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** Connection errors raised before a request could be sent: whatever it asked for did not happen. */
const neverSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN']);

function networkCodeOf(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

const isTimeout = (error: unknown) => error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError' || networkCodeOf(error) === 'ETIMEDOUT' || networkCodeOf(error) === 'UND_ERR_HEADERS_TIMEOUT');

/**
 * The one mapping from a thrown LiveKit SDK (or network) error to a DialError.
 * A connection that could not be opened is 'unreachable' (nothing was placed). A request that went out
 * and got no answer in time is 'timed_out': the SDK waits the ringing timeout plus a margin, so it means
 * LiveKit did not answer, not the callee, but a call may have left, so the attempt counts. Any other
 * network failure is 'failed' for the same reason.
 */
export function toDialError(error: unknown): DialError {
  if (isDialError(error)) return error;
  const server = serverErrorOf(error);
  if (server) {
    const sipStatus = sipStatusOf(server);
    if (sipStatus !== undefined) return new DialError(kindForSipStatus(sipStatus), describe(error), sipStatus);
    return new DialError(kindForTwirp(server), `LiveKit ${server.code ?? server.status}: ${describe(error)}`);
  }
  const code = networkCodeOf(error);
  if (code && neverSentCodes.has(code)) return new DialError('unreachable', `LiveKit could not be reached (${code})`);
  if (isTimeout(error)) return new DialError('timed_out', `LiveKit did not answer in time: ${describe(error)}`);
  return new DialError('failed', `LiveKit request failed: ${describe(error)}`);
}
