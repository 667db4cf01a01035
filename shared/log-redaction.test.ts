import { describe, expect, it } from 'vitest';
import { maskPhone, redactFields, redactText } from './log-redaction';

describe('redactText', () => {
  it.each([
    ['an E.164 number keeps its last two digits', 'dialing +14155550123 now', 'dialing [phone …23] now'],
    ['a number abroad', 'lead +442079460958 busy', 'lead [phone …58] busy'],
    ['a formatted US number', 'call (415) 555-0123 back', 'call [phone …23] back'],
    ['a dashed US number', '415-555-0199', '[phone …99]'],
    ['bare national digits', 'number 4155550123 rejected', 'number [phone …23] rejected'],
    ['a database error quoting the number', 'Key (campaign_id, phone)=(3f0c, +14155550123) already exists', 'Key (campaign_id, phone)=(3f0c, [phone …23]) already exists'],
    ['a query string', 'GET https://app.example.com/api/leads?search=ada&token=abc123 failed', 'GET https://app.example.com/api/leads?[redacted] failed'],
    ['user info in a URL', 'wss://key:secret@livekit.example.com/rtc', 'wss://livekit.example.com/rtc'],
    ['an SMTP URL with its credentials', 'mail via smtps://mailer:hunter2@smtp.example.com:465 refused', 'mail via smtps://smtp.example.com:465 refused'],
    ['a bearer token', 'authorization: Bearer 9f8e7d6c5b4a.xyz', 'authorization: Bearer [redacted]'],
    ['a JWT', 'token eyJhbGciOiJIUzI1NiJ9.eyJjYWxsSWQiOiIxIn0.c2lnbmF0dXJl rejected', 'token [redacted] rejected'],
    ['a secret assignment outside a URL', 'sent report_token=abc.def&x=1', 'sent report_token=[redacted]&x=1'],
    ['an e-mail address', 'invited ada@example.com', 'invited [email]'],
  ])('%s', (_rule, text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it.each([
    ['an ISO time', '2026-06-17T15:00:00.000Z'],
    ['a uuid', '3f0c2a9e-1b2c-4d5e-8f90-123456789012'],
    ['epoch milliseconds', '1796200013000'],
    ['a count and a duration', '120 calls in 3600 s'],
    ['a room name', 'call-3f0c2a9e'],
  ])('leaves %s alone', (_what, text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe('redactFields', () => {
  it('masks phone keys, drops secret keys and redacts every nested string and error', () => {
    const error = new Error('dial to +14155550123 failed: https://sip.example.com/x?auth=1');
    const out = redactFields({ phone: '14155550123', callerId: '+14155550100', reportToken: 'abc', headers: { authorization: 'Bearer x', cookie: 'a=b' }, nested: [{ note: 'ring 415-555-0123' }], error, count: 3 });
    expect(out).toMatchObject({
      phone: '[phone …23]',
      callerId: '[phone …00]',
      reportToken: '[redacted]',
      headers: { authorization: '[redacted]', cookie: '[redacted]' },
      nested: [{ note: 'ring [phone …23]' }],
      error: { name: 'Error', message: 'dial to [phone …23] failed: https://sip.example.com/x?[redacted]' },
      count: 3,
    });
    expect(JSON.stringify(out)).not.toMatch(/5550123|auth=1/);
  });

  it('a number too short to be a phone number shows nothing of it', () => {
    expect(maskPhone('7')).toBe('[phone]');
  });
});
