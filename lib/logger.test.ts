import { describe, expect, it } from 'vitest';
import { createLogger, type LogLevel } from './logger';

// pino's real output, captured at its destination: each write is one finished JSON line.
function capture(level: LogLevel = 'debug') {
  const lines: string[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => void lines.push(line) } });
  const parsed = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, parsed };
}

const phone = '+14155550123';
const sessionToken = 'sess_9f8e7d6c5b4a39281706';
const bearer = 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYWxsLTEifQ.c2lnbmF0dXJl';
const reportUrl = `https://app.example.com/api/livekit/agent-report?token=${sessionToken}&to=${encodeURIComponent(phone)}`;
// Whatever of the above may never appear in a line, in any spelling.
const leaked = /5550123|sess_9f8e7d6c|eyJ|c2lnbmF0dXJl|agent-report\?token|%2B1415/;

describe('logger', () => {
  it('writes one JSON line per call with its level, time and message', () => {
    const { logger, lines, parsed } = capture();
    logger.info('campaign started', { leads: 3 });
    logger.warn('line busy');
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
    const [info, warn] = parsed();
    expect(info).toMatchObject({ level: 'info', msg: 'campaign started', leads: 3 });
    expect(warn).toMatchObject({ level: 'warn', msg: 'line busy' });
    expect(new Date(String(info.time)).toISOString()).toBe(info.time);
  });

  it('writes nothing below its level', () => {
    const { logger, lines } = capture('warn');
    logger.debug('noise');
    logger.info('noise');
    logger.warn('kept');
    logger.error('kept');
    expect(lines).toHaveLength(2);
  });

  it('writes no phone number, bearer token, session token or query string in the message', () => {
    const { logger, lines, parsed } = capture();
    logger.error(`dial to ${phone} failed; report to ${reportUrl} with ${bearer} and token=${sessionToken}`);
    expect(lines[0]).not.toMatch(leaked);
    expect(parsed()[0].msg).toBe('dial to [phone …23] failed; report to https://app.example.com/api/livekit/agent-report?[redacted] with Bearer [redacted] and token=[redacted]');
  });

  it('writes none of them in the fields, nested or not, whatever the key', () => {
    const { logger, lines, parsed } = capture();
    logger.error('dial failed', {
      url: reportUrl,
      token: sessionToken,
      headers: { authorization: bearer, cookie: `better-auth.session_token=${sessionToken}` },
      lead: { phone, note: `call back on 415-555-0123` },
      error: `upstream said ${bearer}`,
      attempts: [{ to: phone }],
    });
    expect(lines[0]).not.toMatch(leaked);
    expect(parsed()[0]).toMatchObject({
      url: 'https://app.example.com/api/livekit/agent-report?[redacted]',
      token: '[redacted]',
      headers: { authorization: '[redacted]', cookie: '[redacted]' },
      lead: { phone: '[phone …23]', note: 'call back on [phone …23]' },
      error: 'upstream said Bearer [redacted]',
      attempts: [{ to: '[phone …23]' }],
    });
  });

  it("writes none of them from an Error's message or stack", () => {
    const { logger, lines, parsed } = capture();
    const error = new Error(`POST ${reportUrl} failed for ${phone} (${bearer})`);
    expect(error.stack).toContain(sessionToken);
    logger.error('report not delivered', { error });
    expect(lines[0]).not.toMatch(leaked);
    const logged = parsed()[0].error as { name: string; message: string; stack: string };
    expect(logged).toMatchObject({ name: 'Error', message: 'POST https://app.example.com/api/livekit/agent-report?[redacted] failed for [phone …23] (Bearer [redacted])' });
    expect(logged.stack).toContain('[phone …23]');
  });

  it("a child's lines carry its callId and campaignId, and its bindings are redacted too", () => {
    const { logger, lines, parsed } = capture();
    const call = logger.child({ callId: 'call-1', campaignId: 'camp-1' });
    const leg = call.child({ to: phone, callbackUrl: reportUrl, sessionToken, note: `agent sent ${bearer}` });
    call.info('dialling');
    leg.warn('ringing', { attempt: 2 });
    logger.info('no call in hand');
    expect(lines).toHaveLength(3);
    expect(lines.join('')).not.toMatch(leaked);
    const [dialling, ringing, plain] = parsed();
    expect(dialling).toMatchObject({ level: 'info', msg: 'dialling', callId: 'call-1', campaignId: 'camp-1' });
    expect(ringing).toMatchObject({
      msg: 'ringing',
      attempt: 2,
      callId: 'call-1',
      campaignId: 'camp-1',
      to: '[phone …23]',
      callbackUrl: 'https://app.example.com/api/livekit/agent-report?[redacted]',
      sessionToken: '[redacted]',
      note: 'agent sent Bearer [redacted]',
    });
    expect(plain).not.toHaveProperty('callId');
  });
});
