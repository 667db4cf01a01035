import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger } from './logger';

afterEach(() => vi.restoreAllMocks());

describe('logger', () => {
  it('writes no phone number, query string or token, in the message or the fields', () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    logger.error('dial to +14155550123 failed', { url: 'https://app.example.com/api/livekit/agent-report?token=eyJabcdefgh.eyJabcdefgh.sig', token: 'session-token', error: 'lead 415-555-0123 busy' });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]);
    expect(line).toMatchObject({ level: 'error', msg: 'dial to [phone …23] failed', url: 'https://app.example.com/api/livekit/agent-report?[redacted]', token: '[redacted]', error: 'lead [phone …23] busy' });
    expect(lines[0]).not.toMatch(/5550123|session-token|eyJ/);
  });
});
