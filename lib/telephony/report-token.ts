// The token the calling agent sends back with its report. It travels in the dispatch metadata, so
// it is bound to one call and short-lived: a leaked token can report on that call only, and not for long.
// HS256 JWT via jose (already installed: better-auth and livekit-server-sdk depend on it).
import { SignJWT, jwtVerify } from 'jose';
import { AppError } from '@/lib/errors';

const audience = 'agent-report';
const issuer = 'outbound-calling-engine';

/** Long enough for ringing plus the longest call plus a slow report; the token is useless after that. */
export const defaultReportTokenTtlSeconds = 2 * 60 * 60;

const keyOf = (secret: string) => new TextEncoder().encode(secret);

export async function signReportToken(input: { callId: string; secret: string; now: Date; ttlSeconds?: number }): Promise<string> {
  const issuedAt = Math.floor(input.now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(issuer)
    .setAudience(audience)
    .setSubject(input.callId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (input.ttlSeconds ?? defaultReportTokenTtlSeconds))
    .sign(keyOf(input.secret));
}

/**
 * The call the token was issued for. Throws a 401 AppError when the token is forged, expired, or
 * (with `callId`) issued for another call.
 */
export async function verifyReportToken(token: string, input: { secret: string; now: Date; callId?: string }): Promise<{ callId: string }> {
  let subject: string | undefined;
  try {
    const { payload } = await jwtVerify(token, keyOf(input.secret), {
      algorithms: ['HS256'],
      audience,
      issuer,
      currentDate: input.now,
      requiredClaims: ['exp', 'sub'],
    });
    subject = payload.sub;
  } catch {
    throw new AppError('unauthorized', 'The report token is invalid or expired');
  }
  if (!subject || (input.callId !== undefined && subject !== input.callId)) {
    throw new AppError('unauthorized', 'The report token belongs to another call');
  }
  return { callId: subject };
}
