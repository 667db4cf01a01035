// The rule of tracking a call: the change one event makes to a call, from the row as it is now. Every field only moves
// forward, so duplicates and late arrivals land on the same state as events in order. Applied by apply-call-events.ts.
import type { schema } from '@/db';
import type { CallEvent } from '@/shared/contracts/call-events';
import { isOneOf, terminalCallStatuses, unansweredCallStatuses } from '@/shared/statuses';
import { engineTiming } from '@/lib/services/engine/timing';
import { sealRecordingUrl, sealReport, sealTranscript } from './call-personal-data';

export type CallRow = typeof schema.campaignCalls.$inferSelect;
type CallStatus = CallRow['status'];

// A call's status only moves forward: pending, then calling, then in_progress, then one of the terminal ones.
const rank: Record<CallStatus, number> = { pending: 0, calling: 1, in_progress: 2, completed: 3, failed: 3, no_answer: 3, busy: 3 };
export const isTerminal = (status: CallStatus) => isOneOf(terminalCallStatuses, status);

const endedStatus = {
  completed: 'completed',
  voicemail: 'completed',
  no_answer: 'no_answer',
  busy: 'busy',
  failed: 'failed',
  invalid_number: 'failed',
} as const satisfies Record<Extract<CallEvent, { type: 'ended' }>['reason'], CallStatus>;

const earliest = (a: Date | null, b: Date) => (a && a < b ? a : b);

/** Someone picked up: LiveKit said so, or the agent reported a conversation (a stored transcript is never empty). */
const wasAnswered = (call: Pick<CallRow, 'answeredAt' | 'transcript'>) => !!call.answeredAt || !!call.transcript;

/**
 * Late proof of an answer (webhooks can arrive out of order) turns a call that ended as
 * unanswered into a completed one, and reopens its settlement so the outcome is judged again.
 */
function upgradeToAnswered(call: CallRow, changes: Partial<CallRow>) {
  if (!isOneOf(unansweredCallStatuses, call.status)) return;
  changes.status = 'completed';
  changes.outcome = null;
  changes.outcomeNote = null;
  changes.endedReason = 'completed';
}
const secondsBetween = (from: Date | null, to: Date | null) => (from && to ? Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000)) : null);

/** The change one event makes to a call, computed from the row as it is now. */
export function callChanges(call: CallRow, event: CallEvent): Partial<CallRow> {
  const changes: Partial<CallRow> = {};
  switch (event.type) {
    case 'dialing':
    case 'ringing':
      changes.dialedAt = earliest(call.dialedAt, event.at);
      if (rank[call.status] < rank.calling) {
        changes.status = 'calling';
        changes.leaseExpiresAt = new Date(event.at.getTime() + engineTiming.ringingLeaseMs);
      }
      break;
    case 'answered':
      changes.dialedAt = earliest(call.dialedAt, event.at);
      changes.answeredAt = earliest(call.answeredAt, event.at);
      if (rank[call.status] < rank.in_progress) {
        changes.status = 'in_progress';
        changes.leaseExpiresAt = new Date(event.at.getTime() + engineTiming.inProgressLeaseMs);
      }
      upgradeToAnswered(call, changes);
      break;
    case 'ended': {
      // The dial request of an unanswered call is still out and will say why; only store the room's word.
      if (event.provisional && !wasAnswered(call)) break;
      if (!isTerminal(call.status)) {
        // An answered call that LiveKit reports as ended is a completed conversation, whatever the reason says.
        changes.status = wasAnswered(call) && event.reason !== 'voicemail' ? 'completed' : endedStatus[event.reason];
        changes.endedAt = event.at;
        changes.leaseExpiresAt = null;
        changes.endedReason = event.reason === 'invalid_number' ? 'invalid_number' : (event.detail ?? event.reason);
        if (event.reason === 'voicemail') changes.endedReason = 'voicemail';
        if (changes.status === 'completed' && event.reason !== 'voicemail') changes.endedReason = 'completed';
      } else if (!call.endedAt || event.at < call.endedAt) {
        changes.endedAt = event.at;
      }
      break;
    }
    case 'report':
      changes.transcript = sealTranscript(event.transcript);
      changes.report = sealReport({
        answeringMachine: event.answeringMachine ?? false,
        optOut: event.optOut ?? false,
        callbackAt: event.callbackAt?.toISOString() ?? null,
        summary: event.summary ?? null,
        endedReason: event.endedReason ?? null,
        receivedAt: event.at.toISOString(),
      });
      if (event.transcript.length > 0 || event.answeringMachine) upgradeToAnswered(call, changes);
      break;
    case 'recording':
      changes.recordingUrl = sealRecordingUrl(event.url);
      break;
  }
  const answeredAt = changes.answeredAt ?? call.answeredAt;
  const endedAt = changes.endedAt ?? call.endedAt;
  if (answeredAt && endedAt) changes.durationSeconds = secondsBetween(answeredAt, endedAt);
  return changes;
}

/** What an event row keeps: ordering and deduplication need no words. The transcript, summary and recording URL live on the call, sealed. */
export function eventPayload(event: CallEvent): Record<string, unknown> {
  const { id, callId, at, ...rest } = event;
  if (rest.type === 'report') {
    const { transcript, summary, ...facts } = rest;
    return { ...facts, turns: transcript.length, hasSummary: !!summary };
  }
  if (rest.type === 'recording') {
    const { url, ...facts } = rest;
    return facts;
  }
  return rest as Record<string, unknown>;
}
