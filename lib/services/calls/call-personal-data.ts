// A call's personal data (transcript, recording URL, the agent's report) as it is stored: sealed with
// the data key (shared/data-encryption.ts). Rows are sealed here on the way in and opened here on the
// way out, so no other code sees an envelope; values stored before encryption read as they are.
import { dataCipher } from '@/lib/data-cipher';
import type { TranscriptTurn } from '@/shared/contracts/transcript';

/** The agent's report as the call row keeps it. */
export type CallReport = {
  answeringMachine: boolean;
  optOut: boolean;
  callbackAt: string | null;
  summary: string | null;
  endedReason: string | null;
  receivedAt: string;
};

/** Null when nothing was said: a stored transcript is never empty, so its presence means a conversation. */
export function sealTranscript(transcript: readonly TranscriptTurn[]): string | null {
  return transcript.length ? dataCipher().sealJson(transcript) : null;
}

export function openTranscript(stored: string | null): TranscriptTurn[] | null {
  return dataCipher().openJson<TranscriptTurn[]>(stored);
}

export function sealReport(report: CallReport): string {
  return dataCipher().sealJson(report);
}

export function openReport(stored: string | null): CallReport | null {
  return dataCipher().openJson<CallReport>(stored);
}

export function sealRecordingUrl(url: string): string {
  return dataCipher().seal(url);
}

export function openRecordingUrl(stored: string | null): string | null {
  return stored === null ? null : dataCipher().open(stored);
}

/** The personal columns of a call row, opened. */
export function openCallPersonalData<T extends { transcript?: string | null; recordingUrl?: string | null; report?: string | null }>(
  row: T,
): Omit<T, 'transcript' | 'recordingUrl' | 'report'> & { transcript: TranscriptTurn[] | null; recordingUrl: string | null; report: CallReport | null } {
  return { ...row, transcript: openTranscript(row.transcript ?? null), recordingUrl: openRecordingUrl(row.recordingUrl ?? null), report: openReport(row.report ?? null) };
}
