'use client';
import { ExternalLink, FileAudio } from 'lucide-react';
import { CallEvidence } from '@/components/compliance/call-evidence';
import { ErrorState } from '@/components/empty-state';
import { CallStatusBadge, OutcomeBadge } from '@/components/status-badges';
import { Dialog, DialogDescription, DialogTitle, SheetContent } from '@/components/ui/dialog';
import { Skeleton } from '@/components/ui/skeleton';
import { formatDateTime, formatDuration, formatMoney, humanize } from '@/lib/client/format';
import { useCall } from '@/lib/client/queries/calls';
import type { CallDetail } from '@/lib/client/types';
import { ScoreBreakdown, ScoreMeter } from './score-breakdown';
import { Transcript } from './transcript';

/** A call's full story in a side sheet: facts, score by criterion, notes, recording and transcript. */
export function CallDrawer({ callId, onClose, minScore, labels }: { callId: string | null; onClose: () => void; minScore?: number; labels?: Record<string, string> }) {
  const call = useCall(callId);
  return (
    <Dialog open={!!callId} onOpenChange={(open) => !open && onClose()}>
      <SheetContent data-testid="call-drawer">
        {call.isPending ? (
          <div className="space-y-4 p-6" aria-busy="true">
            <DialogTitle className="sr-only">Loading call</DialogTitle>
            <DialogDescription className="sr-only">The call details are loading.</DialogDescription>
            <Skeleton className="h-6 w-48" />
            <Skeleton className="h-20 w-full" />
            <Skeleton className="h-64 w-full" />
          </div>
        ) : call.isError ? (
          <div className="p-6">
            <DialogTitle className="mb-4">Call</DialogTitle>
            <DialogDescription className="sr-only">The call could not be loaded.</DialogDescription>
            <ErrorState error={call.error} onRetry={() => call.refetch()} />
          </div>
        ) : (
          <CallDetailView call={call.data} minScore={minScore} labels={labels} />
        )}
      </SheetContent>
    </Dialog>
  );
}

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm font-medium tabular-nums">{value}</dd>
    </div>
  );
}

function CallDetailView({ call, minScore, labels }: { call: CallDetail; minScore?: number; labels?: Record<string, string> }) {
  const q = call.qualification;
  return (
    <>
      <div className="border-b p-6 pr-12">
        <DialogTitle className="text-lg font-semibold">{call.leadName}</DialogTitle>
        <DialogDescription className="text-sm text-muted-foreground">
          {call.phone} · attempt {call.attemptNumber} · {formatDateTime(call.dialedAt ?? call.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
        </DialogDescription>
        <div className="mt-3 flex flex-wrap gap-2">
          <CallStatusBadge status={call.status} />
          <OutcomeBadge outcome={call.outcome} />
        </div>
      </div>
      <div className="flex-1 space-y-6 overflow-y-auto p-6">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Fact label="Duration" value={formatDuration(call.durationSeconds)} />
          <Fact label="Cost" value={formatMoney(call.cost)} />
          <Fact label="Answered" value={call.answeredAt ? formatDateTime(call.answeredAt, { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : 'No'} />
          <Fact label="Ended" value={call.endedReason ? humanize(call.endedReason) : call.endedAt ? formatDateTime(call.endedAt, { hour: '2-digit', minute: '2-digit' }) : 'Still on'} />
        </dl>

        {call.outcomeNote && call.outcomeNote !== q?.notes && <p className="rounded-lg bg-muted/60 p-3 text-sm">{call.outcomeNote}</p>}

        {(q || call.score !== null) && (
          <section className="space-y-3" aria-labelledby="score-title">
            <div className="flex items-end justify-between gap-4">
              <h3 id="score-title" className="text-sm font-semibold">
                Qualification
              </h3>
              {call.scoredBy && <span className="text-xs text-muted-foreground">scored by {call.scoredBy}</span>}
            </div>
            <ScoreMeter score={q?.score ?? call.score} min={minScore} />
            {q && <ScoreBreakdown results={q.perCriterion ?? []} labels={labels} />}
            {(q?.notes || q?.nextAction) && (
              <dl className="grid gap-3 text-sm sm:grid-cols-2">
                {q?.notes && (
                  <div className="rounded-lg border p-3">
                    <dt className="text-xs font-medium text-muted-foreground">Notes</dt>
                    <dd className="mt-1">{q.notes}</dd>
                  </div>
                )}
                {q?.nextAction && (
                  <div className="rounded-lg border p-3">
                    <dt className="text-xs font-medium text-muted-foreground">Next action</dt>
                    <dd className="mt-1">{humanize(q.nextAction)}</dd>
                  </div>
                )}
              </dl>
            )}
          </section>
        )}

        {call.recordingUrl && (
          <section className="space-y-2" aria-labelledby="recording-title">
            <h3 id="recording-title" className="flex items-center gap-2 text-sm font-semibold">
              <FileAudio className="size-4 text-muted-foreground" aria-hidden /> Recording
            </h3>
            <audio controls preload="none" src={call.recordingUrl} className="w-full">
              <track kind="captions" />
            </audio>
            <a href={call.recordingUrl} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 text-sm text-primary hover:underline">
              Open recording <ExternalLink className="size-3.5" aria-hidden />
            </a>
            {call.recordingConsent && <p className="text-xs text-muted-foreground">Consent: {humanize(call.recordingConsent)}</p>}
          </section>
        )}

        {call.compliance !== undefined && <CallEvidence evidence={call.compliance} />}

        <section className="space-y-3" aria-labelledby="transcript-title">
          <h3 id="transcript-title" className="text-sm font-semibold">
            Transcript
          </h3>
          {call.transcript?.length ? (
            <Transcript turns={call.transcript} leadName={call.leadName} />
          ) : (
            <p className="rounded-lg border border-dashed p-4 text-center text-sm text-muted-foreground">
              {call.answeredAt ? (call.outcome ? 'No transcript was reported for this call.' : 'The transcript appears when the call ends.') : 'Nobody answered: there is no conversation.'}
            </p>
          )}
        </section>
      </div>
    </>
  );
}
