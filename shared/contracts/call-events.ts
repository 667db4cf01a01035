// A call event as applyCallEvent (lib/services/calls) consumes it, whatever produced it: the LiveKit
// webhook and the agent report (lib/telephony), the test telephony, recovery. The telephony produces
// and the services consume, so the type lives here, below both. `id` makes it idempotent.
import type { TranscriptTurn } from './transcript';

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
