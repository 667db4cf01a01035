'use client';
import { MailCheck, MailX } from 'lucide-react';
import { CopyField } from '@/components/copy-field';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDateTime } from '@/lib/client/format';
import type { MemberAdded } from '@/lib/client/types';

export type CreatedInvitation = Extract<MemberAdded, { status: 'invited' }>;

function emailNote({ invitation, emailSent, emailError }: CreatedInvitation): string {
  if (emailSent) return `An e-mail with this link went to ${invitation.email}.`;
  if (emailError === 'not_configured') return 'No e-mail was sent: this server has no SMTP_URL. Send them the link yourself.';
  return `The e-mail to ${invitation.email} could not be sent. Send them the link yourself.`;
}

/** The invitation just made: its join link, shown this once (only a hash is kept), and whether the e-mail went. */
export function NewInvitation({ created, onDone }: { created: CreatedInvitation; onDone: () => void }) {
  const { invitation } = created;
  const Icon = created.emailSent ? MailCheck : MailX;
  return (
    <Card className="border-primary/40" data-testid="new-invitation">
      <CardHeader>
        <CardTitle>
          {invitation.email} is invited as {invitation.role}
        </CardTitle>
        <CardDescription>
          Copy the invite link now: it is shown only this once. It works once, until {formatDateTime(invitation.expiresAt)}, for whoever signs in (or signs up) as {invitation.email}.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <p role="status" className="flex items-center gap-2 text-sm" data-testid="invitation-email-status">
          <Icon className={created.emailSent ? 'size-4 text-primary' : 'size-4 text-muted-foreground'} aria-hidden />
          {emailNote(created)}
        </p>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
          <CopyField value={created.joinUrl} label="Invite link" what="Invite link" copyLabel="Copy invite link" testId="copy-invite-link" />
          <Button type="button" variant="ghost" onClick={onDone}>
            Done
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
