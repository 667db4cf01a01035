// The conversation as the report carries it: who spoke, what they said, and when, counted from the
// moment the lead answered. Fed with the session's conversation items as they are added.
import { transcriptLimits } from '../../shared/transcript-limits';
import type { TranscriptTurn } from './report-client';

/** The parts of a conversation item (an @livekit/agents ChatMessage) the transcript needs. */
export type ConversationItem = { role: string; text: string | null | undefined; createdAt: number };

// The app's limits on a report (shared/transcript-limits.ts): past them the whole report is refused, so
// the transcript stops growing at them (a call longer than two hours keeps its first two hours).
export const { maxTurns, maxTurnChars: maxTurnLength, maxTotalChars } = transcriptLimits;

const speakers: Record<string, TranscriptTurn['speaker'] | undefined> = { user: 'lead', assistant: 'agent' };

export class Transcript {
  private readonly turns: (TranscriptTurn & { order: number })[] = [];
  private chars = 0;

  /** @param startedAtMs when the call was answered, in ms since the epoch (ChatMessage.createdAt's clock) */
  constructor(private readonly startedAtMs: number) {}

  /** Adds a lead or agent turn; system prompts, tool calls and empty turns are not conversation. */
  add(item: ConversationItem): void {
    const speaker = speakers[item.role];
    const text = item.text?.trim();
    if (!speaker || !text || this.turns.length >= maxTurns) return;
    const kept = text.slice(0, Math.min(maxTurnLength, maxTotalChars - this.chars));
    if (!kept) return;
    this.chars += kept.length;
    this.turns.push({
      speaker,
      text: kept,
      startMs: Math.max(0, Math.round(item.createdAt - this.startedAtMs)),
      order: this.turns.length,
    });
  }

  /** The turns in the order they were spoken (items can be added a little out of order). */
  entries(): TranscriptTurn[] {
    return [...this.turns]
      .sort((a, b) => (a.startMs ?? 0) - (b.startMs ?? 0) || a.order - b.order)
      .map(({ order: _order, ...turn }) => turn);
  }
}
