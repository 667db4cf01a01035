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
      /**
       * The room's word that a lead who never answered has left. It is coarse (LiveKit folds busy and
       * declined into one disconnect reason, and a wrong number into "unavailable"), while the dial
       * request's own answer carries the SIP status, so this is stored and applied only if that answer
       * never comes: by recovery, or once the dial turns out to have been answered.
       */
      provisional?: boolean;
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
