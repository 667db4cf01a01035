import { SipCallError, TwirpError } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { toDialError } from './sip-errors';
import { DialError } from './types';

// The Twirp code and HTTP status LiveKit sends with each SIP response (livekit/protocol sip.go).
const sipFailure = (sip: number, code: string, status: number, reason = 'reason') =>
  SipCallError.fromServerError(new TwirpError('error', `sip status ${sip}: ${reason}`, status, code, { sip_status_code: String(sip), sip_status: reason }));
const twirp = (code: string, status: number, message = 'error') => new TwirpError('error', message, status, code);

describe('a dial error from LiveKit becomes a DialError', () => {
  it.each([
    ['486 Busy Here (sent as resource_exhausted)', sipFailure(486, 'resource_exhausted', 429), 'busy', 486],
    ['600 Busy Everywhere', sipFailure(600, 'resource_exhausted', 429), 'busy', 600],
    ['480 Temporarily Unavailable (sent as resource_exhausted)', sipFailure(480, 'resource_exhausted', 429), 'no_answer', 480],
    ['408 Request Timeout', sipFailure(408, 'deadline_exceeded', 408), 'no_answer', 408],
    ['487 Request Terminated', sipFailure(487, 'aborted', 409), 'no_answer', 487],
    ['603 Decline', sipFailure(603, 'permission_denied', 403), 'no_answer', 603],
    ['404 Not Found', sipFailure(404, 'not_found', 404), 'invalid_number', 404],
    ['484 Address Incomplete', sipFailure(484, 'invalid_argument', 400), 'invalid_number', 484],
    ['604 Does Not Exist Anywhere', sipFailure(604, 'not_found', 404), 'invalid_number', 604],
    ['410 Gone', sipFailure(410, 'not_found', 404), 'invalid_number', 410],
    ['500 Server Internal Error', sipFailure(500, 'failed_precondition', 412), 'failed', 500],
    ['503 Service Unavailable (not a trunk problem despite failed_precondition)', sipFailure(503, 'failed_precondition', 412), 'failed', 503],
    ['502 Bad Gateway', sipFailure(502, 'failed_precondition', 412), 'failed', 502],
    ['504 Server Time-out', sipFailure(504, 'deadline_exceeded', 408), 'failed', 504],
    ['488 Not Acceptable Here', sipFailure(488, 'invalid_argument', 400), 'failed', 488],
    ['401 Unauthorized from the carrier: trunk credentials', sipFailure(401, 'permission_denied', 403), 'unavailable', 401],
    ['407 Proxy Authentication Required', sipFailure(407, 'unauthenticated', 401), 'unavailable', 407],
    ['403 Forbidden from the carrier', sipFailure(403, 'permission_denied', 403), 'unavailable', 403],
  ] as const)('SIP %s → %s', (_, error, kind, sipStatus) => {
    const dial = toDialError(error);
    expect(dial).toBeInstanceOf(DialError);
    expect(dial.kind).toBe(kind);
    expect(dial.sipStatusCode).toBe(sipStatus);
  });

  it.each([
    ['resource_exhausted without a SIP status', twirp('resource_exhausted', 429, 'concurrent call limit reached'), 'rate_limited'],
    ['a bare HTTP 429', new TwirpError('Too Many Requests', 'slow down', 429), 'rate_limited'],
    ['a missing trunk (not_found)', twirp('not_found', 404, 'requested sip trunk does not exist'), 'unavailable'],
    ['an unknown agent (not_found)', twirp('not_found', 404, 'no agent registered with name outbound-caller'), 'unavailable'],
    ['a trunk that cannot dial (failed_precondition)', twirp('failed_precondition', 412, 'trunk has no outbound address'), 'unavailable'],
    ['bad API credentials (unauthenticated)', twirp('unauthenticated', 401, 'invalid token'), 'unavailable'],
    ['a key without the SIP grant (permission_denied)', twirp('permission_denied', 403, 'permissions denied'), 'unavailable'],
    ['a room that vanished (not_found)', twirp('not_found', 404, 'room not found'), 'failed'],
    ['ring-out: the INVITE cancelled after the ringing timeout', twirp('canceled', 408, 'sip request timed out'), 'no_answer'],
    ['ring-out reported as deadline_exceeded', twirp('deadline_exceeded', 408, 'timeout'), 'no_answer'],
    ['a malformed phone number', twirp('invalid_argument', 400, 'invalid phone number: sip_call_to'), 'invalid_number'],
    ['any other bad request', twirp('invalid_argument', 400, 'bad room name'), 'failed'],
    ['a LiveKit 500', twirp('internal', 500, 'boom'), 'failed'],
    ['a LiveKit 503', twirp('unavailable', 503, 'draining'), 'failed'],
  ] as const)('%s → %s', (_, error, kind) => {
    const dial = toDialError(error);
    expect(dial.kind).toBe(kind);
    expect(dial.sipStatusCode).toBeUndefined();
  });

  const refused = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(`connect ${code}`), { code }) });
  it.each([
    ['a refused connection: nothing was sent', refused('ECONNREFUSED'), 'unreachable'],
    ['an unknown host: nothing was sent', refused('ENOTFOUND'), 'unreachable'],
    ['a request that timed out: a call may have left', new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 'timed_out'],
    ['headers that never came', Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('Headers Timeout Error'), { code: 'UND_ERR_HEADERS_TIMEOUT' }) }), 'timed_out'],
    ['a connection reset mid-request: a call may have left', refused('ECONNRESET'), 'failed'],
    ['something that is not an Error', 'oops', 'failed'],
  ] as const)('network trouble (%s) → %s', (_, error, kind) => {
    expect(toDialError(error).kind).toBe(kind);
  });

  it('a DialError passes through unchanged', () => {
    const original = new DialError('unavailable', 'no trunk');
    expect(toDialError(original)).toBe(original);
  });
});
