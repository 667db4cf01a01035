// The invitation e-mail: who invites, to which workspace, at which role, and the link. Plain text only, so a
// workspace or user name cannot carry markup into anyone's mail client.
import 'server-only';
import { logger } from '@/lib/logger';
import { sendMail, type MailMessage } from '@/lib/mail/send-mail';
import type { WorkspaceRole } from '@/shared/workspace-roles';

export type InvitationEmail = {
  invitationId: string;
  to: string;
  workspaceName: string;
  inviter: { name: string; email: string };
  role: WorkspaceRole;
  link: string;
  expiresAt: Date;
};

/** What the answer says about the e-mail: sent, or why not (the owner still has the link). */
export type InvitationEmailResult = { emailSent: boolean; emailError: 'not_configured' | 'send_failed' | null };

// A header holds one line: a name with a line break in it must not start another header.
const oneLine = (text: string) => text.replace(/[\r\n\t\u0000-\u001f\u007f]+/g, ' ').trim();

export function invitationMessage(mail: Omit<InvitationEmail, 'invitationId'>): MailMessage {
  const inviter = oneLine(mail.inviter.name) || mail.inviter.email;
  const workspace = oneLine(mail.workspaceName);
  return {
    to: mail.to,
    subject: `${inviter} invited you to ${workspace}`,
    text: [
      'Hello,',
      '',
      `${inviter} (${mail.inviter.email}) invited you to join the workspace "${workspace}" as a ${mail.role} on the outbound calling engine.`,
      '',
      `Open this link to join. It works once, until ${mail.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC:`,
      '',
      mail.link,
      '',
      `Sign in, or create an account, as ${mail.to}: the invitation is for that address only.`,
      'If you did not expect this invitation, ignore this e-mail.',
      '',
    ].join('\n'),
  };
}

/** Sends the invitation's e-mail; a failure is logged (ids and the server's code, no address) and answered, never thrown. */
export async function sendInvitationEmail(mail: InvitationEmail): Promise<InvitationEmailResult> {
  const outcome = await sendMail(invitationMessage(mail));
  if (outcome.sent) return { emailSent: true, emailError: null };
  if (outcome.reason === 'not_configured') return { emailSent: false, emailError: 'not_configured' };
  logger.warn('invitation e-mail not sent', { invitationId: mail.invitationId, smtpError: outcome.code });
  return { emailSent: false, emailError: 'send_failed' };
}
