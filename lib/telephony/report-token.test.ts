import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { signReportToken, verifyReportToken } from './report-token';

const secret = 'report-secret-for-tests';
const callId = '0b9c7d5e-8f61-4f0a-9a0e-5f1b2c3d4e5f';
const issuedAt = new Date('2025-03-03T10:00:00Z');
const later = (seconds: number) => new Date(issuedAt.getTime() + seconds * 1000);

describe('report token', () => {
  it('verifies for the call it was issued for', async () => {
    const token = await signReportToken({ callId, secret, now: issuedAt });
    await expect(verifyReportToken(token, { secret, now: later(60), callId })).resolves.toEqual({ callId });
    await expect(verifyReportToken(token, { secret, now: later(60) })).resolves.toEqual({ callId });
  });

  it.each([
    ['signed with another secret', async () => verifyReportToken(await signReportToken({ callId, secret: 'other', now: issuedAt }), { secret, now: later(1) })],
    ['expired', async () => verifyReportToken(await signReportToken({ callId, secret, now: issuedAt, ttlSeconds: 600 }), { secret, now: later(601 + 1) })],
    ['issued for another call', async () => verifyReportToken(await signReportToken({ callId: 'another-call', secret, now: issuedAt }), { secret, now: later(1), callId })],
    ['tampered with', async () => {
      const [header, , signature] = (await signReportToken({ callId, secret, now: issuedAt })).split('.');
      const body = Buffer.from(JSON.stringify({ sub: 'another-call', aud: 'agent-report', iss: 'outbound-calling-engine', exp: 4102444800 })).toString('base64url');
      return verifyReportToken(`${header}.${body}.${signature}`, { secret, now: later(1) });
    }],
    ['not a token at all', async () => verifyReportToken('not-a-jwt', { secret, now: later(1) })],
  ])('a token %s is rejected with 401', async (_, attempt) => {
    const error = await attempt().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(401);
  });
});
