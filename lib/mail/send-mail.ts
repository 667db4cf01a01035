// The one door to SMTP (nodemailer), as lib/telephony is to LiveKit: a message goes to the server SMTP_URL names,
// from MAIL_FROM. No SMTP_URL: nothing is sent, and the caller is told so. A failure is an answer, not a throw, so
// whatever the message was about (an invitation) stands whether or not it went.
import 'server-only';
import nodemailer from 'nodemailer';
import { env } from '@/lib/env';

export type MailMessage = { to: string; subject: string; text: string };

/** What became of a message. `failed` carries the server's or the socket's code for the log, never the message. */
export type MailOutcome = { sent: true } | { sent: false; reason: 'not_configured' } | { sent: false; reason: 'failed'; code: string };

// A request waits for the send: an SMTP server that stops answering must not hold it for nodemailer's minutes.
const SMTP_TIMEOUT_MS = 15_000;

export async function sendMail(message: MailMessage): Promise<MailOutcome> {
  if (!env.SMTP_URL) return { sent: false, reason: 'not_configured' };
  // A transport per message: invitations are rare, and a changed SMTP_URL (tests) is read every time.
  const transport = nodemailer.createTransport({ url: env.SMTP_URL, connectionTimeout: SMTP_TIMEOUT_MS, greetingTimeout: SMTP_TIMEOUT_MS, socketTimeout: SMTP_TIMEOUT_MS });
  try {
    await transport.sendMail({ from: env.MAIL_FROM, to: message.to, subject: message.subject, text: message.text });
    return { sent: true };
  } catch (error) {
    const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
    return { sent: false, reason: 'failed', code: [code, responseCode].filter((part) => part !== undefined).join(' ') || 'unknown' };
  } finally {
    transport.close();
  }
}
