// An in-process Telephony for tests: every call ends the way the test's `decide` says.
// Dial failures throw DialError as the LiveKit bridge does; answered calls return at once and
// queue their agent report and hang-up, which `deliver` applies through the real tracker.
import type { Db } from '@/db';
import type { TranscriptTurn } from '@/db/schema';
import { applyCallEvent } from '@/lib/services/calls/apply-call-event';
import { DialError, type CallContext, type PlacedCall, type RemoteCallState, type Telephony } from '@/lib/telephony/types';

export type Scenario =
  | { kind: 'answered'; durationSeconds?: number; transcript?: TranscriptTurn[]; optOut?: boolean; callbackAt?: Date; answeringMachine?: boolean; noReport?: boolean }
  | { kind: 'busy' | 'no_answer' | 'failed' | 'invalid_number' | 'rate_limited' | 'unavailable' }
  | { kind: 'hang' }; // the dial goes out and nothing is ever heard again

type Placed = { call: CallContext & { roomName: string }; scenario: Scenario; at: Date; delivered: boolean };

export class InProcessTelephony implements Telephony {
  readonly name = 'in-process';
  readonly placed: Placed[] = [];

  constructor(
    private readonly decide: (call: CallContext) => Scenario,
    private readonly clock: () => Date,
  ) {}

  async placeCall(call: CallContext & { roomName: string }): Promise<PlacedCall> {
    const scenario = this.decide(call);
    const at = this.clock();
    if (scenario.kind !== 'rate_limited' && scenario.kind !== 'unavailable') this.placed.push({ call, scenario, at, delivered: scenario.kind !== 'answered' });
    switch (scenario.kind) {
      case 'answered':
        return { roomName: call.roomName, sipCallId: `SCL_${call.callId.slice(0, 8)}`, participantIdentity: `sip-${call.lead.id}`, answeredAt: at };
      case 'hang':
        return { roomName: call.roomName };
      case 'rate_limited':
        throw new DialError('rate_limited', 'too many requests', undefined, 30_000);
      case 'unavailable':
        throw new DialError('unavailable', 'agent not registered');
      default:
        throw new DialError(scenario.kind, `dial ended: ${scenario.kind}`);
    }
  }

  /** Hangs up every answered call that is still live, sending its report first, as the agent would. */
  async deliver(db: Db): Promise<number> {
    let n = 0;
    for (const p of this.placed) {
      if (p.delivered || p.scenario.kind !== 'answered') continue;
      p.delivered = true;
      n++;
      const s = p.scenario;
      const endedAt = new Date(p.at.getTime() + (s.durationSeconds ?? 90) * 1000);
      const events = [
        ...(s.noReport
          ? []
          : [
              {
                id: `report:${p.call.callId}`,
                callId: p.call.callId,
                at: endedAt,
                type: 'report' as const,
                transcript: s.transcript ?? [],
                optOut: s.optOut,
                callbackAt: s.callbackAt,
                answeringMachine: s.answeringMachine,
              },
            ]),
        { id: `ended:${p.call.callId}`, callId: p.call.callId, at: endedAt, type: 'ended' as const, reason: 'completed' as const },
      ];
      // The hang-up arrives when it happens, never before: the tracker ignores events from the future.
      const arrivedAt = new Date(Math.max(this.clock().getTime(), endedAt.getTime()));
      for (const event of events) {
        const result = await applyCallEvent(db, event, { now: arrivedAt });
        await result.followUp?.();
      }
    }
    return n;
  }

  async getCallState(roomName: string): Promise<RemoteCallState> {
    const p = this.placed.find((x) => x.call.roomName === roomName);
    if (!p) return 'unknown';
    return p.delivered && p.scenario.kind !== 'hang' ? 'ended' : p.scenario.kind === 'hang' ? 'unknown' : 'active';
  }

  async hangUp(): Promise<void> {}
}
