// A call event as the CallOutcomeTracker consumes it, whatever produced it (LiveKit webhook,
// agent report, the in-process test telephony, recovery). `id` makes it idempotent.
import type { TranscriptTurn } from '@/db/schema';

export type CallEvent =
  | { id: string; callId: string; at: Date; type: 'dialing' }
  | { id: string; callId: string; at: Date; type: 'ringing' }
  | { id: string; callId: string; at: Date; type: 'answered' }
  | {
      id: string;
      callId: string;
      at: Date;
      type: 'ended';
      /** Why the call ended as the telephony saw it; an answered call ends with 'completed'. */
      reason: 'completed' | 'no_answer' | 'busy' | 'failed' | 'invalid_number' | 'voicemail';
      detail?: string;
    }
  | {
      id: string;
      callId: string;
      at: Date;
      type: 'report';
      transcript: TranscriptTurn[];
      answeringMachine?: boolean;
      optOut?: boolean;
      callbackAt?: Date;
      summary?: string;
      endedReason?: string;
    }
  | { id: string; callId: string; at: Date; type: 'recording'; url: string };
