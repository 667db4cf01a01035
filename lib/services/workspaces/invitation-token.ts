// An invitation's link carries a random single-use token (32 bytes, base64url); the database keeps only its SHA-256,
// so a leaked table or backup accepts nothing. The token is in the create answer and the e-mail, nowhere else.
import crypto from 'node:crypto';

/** How long a join link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const invitationTokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, tokenHash: invitationTokenHash(token) };
}

/** The dashboard's join page for this token, on the app's own origin. */
export const joinLink = (origin: string, token: string) => `${origin}/team/join?token=${encodeURIComponent(token)}`;
