// The simulator's rooms and who is in them. Every change sends the webhook a LiveKit server would
// (participant_joined / _attributes_changed / _left, room_finished, egress_started / _ended), so
// the app sees one story whichever way a call goes.
import crypto from 'node:crypto';
import type { WebhookSender } from './webhooks';

export type ParticipantKind = 'SIP' | 'AGENT' | 'STANDARD';

export type SimParticipant = {
  sid: string;
  identity: string;
  name: string;
  kind: ParticipantKind;
  attributes: Record<string, string>;
  joinedAt: number;
};

/** A room composite egress the app started; it records until the room closes. */
export type SimEgress = { egressId: string; filename: string; startedAt: number };

export type SimRoom = {
  sid: string;
  name: string;
  metadata: string;
  emptyTimeout: number;
  departureTimeout: number;
  maxParticipants: number;
  createdAt: number;
  participants: Map<string, SimParticipant>;
  /** The agent's job metadata from CreateDispatch (JSON), if an agent was dispatched. */
  dispatchMetadata?: string;
  everJoined: boolean;
  closed: boolean;
  egress?: SimEgress;
  /** Resolves once the room is being recorded. */
  recording: Promise<void>;
  markRecording: () => void;
  /** Aborted when the room closes: stops any call still playing in it. */
  controller: AbortController;
};

/** Simulated seconds → a wait; rejects when the signal aborts. */
export type Sleep = (seconds: number, signal?: AbortSignal) => Promise<void>;

const sid = (prefix: string) => `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
const unixNanos = (ms: number) => String(BigInt(ms) * 1_000_000n);

export function roomJson(room: SimRoom) {
  return {
    sid: room.sid,
    name: room.name,
    emptyTimeout: room.emptyTimeout,
    departureTimeout: room.departureTimeout,
    maxParticipants: room.maxParticipants,
    creationTime: String(room.createdAt),
    metadata: room.metadata,
    numParticipants: room.participants.size,
  };
}

export function participantJson(p: SimParticipant, state: 'JOINING' | 'ACTIVE' | 'DISCONNECTED' = 'ACTIVE', disconnectReason?: string) {
  return {
    sid: p.sid,
    identity: p.identity,
    name: p.name,
    state,
    kind: p.kind,
    attributes: { ...p.attributes },
    joinedAt: String(p.joinedAt),
    ...(disconnectReason ? { disconnectReason } : {}),
  };
}

export class RoomRegistry {
  private readonly rooms = new Map<string, SimRoom>();

  /**
   * `waitClock` counts seconds of the simulator's clock, uncompressed: the empty and departure timeouts
   * wait on the app's own requests (dispatch, dial, listeners), which the speed factor does not compress.
   * `now` is that clock too: every time a room, participant or egress reports comes from it.
   */
  constructor(private readonly deps: { webhooks: WebhookSender; waitClock: Sleep; now: () => Date; signal: AbortSignal; recordingUrl: (roomName: string) => string }) {}

  private unixSeconds(): number {
    return Math.floor(this.deps.now().getTime() / 1000);
  }

  get(name: string): SimRoom | undefined {
    return this.rooms.get(name);
  }

  list(names: string[]): SimRoom[] {
    const all = [...this.rooms.values()];
    return names.length ? all.filter((r) => names.includes(r.name)) : all;
  }

  get size(): number {
    return this.rooms.size;
  }

  /** CreateRoom on an existing room returns it unchanged, as LiveKit does. */
  create(input: { name: string; metadata?: string; emptyTimeout?: number; departureTimeout?: number; maxParticipants?: number }): SimRoom {
    const existing = this.rooms.get(input.name);
    if (existing) return existing;
    let markRecording = () => {};
    const recording = new Promise<void>((resolve) => (markRecording = resolve));
    const room: SimRoom = {
      sid: sid('RM'),
      name: input.name,
      metadata: input.metadata ?? '',
      emptyTimeout: input.emptyTimeout || 300,
      departureTimeout: input.departureTimeout || 20,
      maxParticipants: input.maxParticipants ?? 0,
      createdAt: this.unixSeconds(),
      participants: new Map(),
      everJoined: false,
      closed: false,
      recording,
      markRecording,
      controller: new AbortController(),
    };
    this.rooms.set(room.name, room);
    this.deps.webhooks.send(room.name, { event: 'room_started', room: roomJson(room) });
    // Nobody came: the room closes after its empty timeout.
    void this.deps
      .waitClock(room.emptyTimeout, AbortSignal.any([room.controller.signal, this.deps.signal]))
      .then(() => {
        if (!room.everJoined) this.close(room, 'ROOM_CLOSED');
      })
      .catch(() => undefined);
    return room;
  }

  join(room: SimRoom, input: { identity: string; name?: string; kind: ParticipantKind; attributes?: Record<string, string> }): SimParticipant {
    const participant: SimParticipant = { sid: sid('PA'), identity: input.identity, name: input.name ?? '', kind: input.kind, attributes: { ...input.attributes }, joinedAt: this.unixSeconds() };
    room.participants.set(participant.identity, participant);
    room.everJoined = true;
    this.deps.webhooks.send(room.name, { event: 'participant_joined', room: roomJson(room), participant: participantJson(participant) });
    return participant;
  }

  setAttributes(room: SimRoom, participant: SimParticipant, attributes: Record<string, string>) {
    if (room.closed || !room.participants.has(participant.identity)) return;
    Object.assign(participant.attributes, attributes);
    this.deps.webhooks.send(room.name, { event: 'participant_attributes_changed', room: roomJson(room), participant: participantJson(participant) });
  }

  leave(room: SimRoom, participant: SimParticipant, disconnectReason: string) {
    if (!room.participants.delete(participant.identity)) return;
    this.deps.webhooks.send(room.name, { event: 'participant_left', room: roomJson(room), participant: participantJson(participant, 'DISCONNECTED', disconnectReason) });
    if (room.participants.size === 0 && !room.closed) {
      // The last one out: the room lingers for its departure timeout, then closes.
      void this.deps
        .waitClock(room.departureTimeout, AbortSignal.any([room.controller.signal, this.deps.signal]))
        .then(() => {
          if (room.participants.size === 0) this.close(room, 'ROOM_CLOSED');
        })
        .catch(() => undefined);
    }
  }

  /** StartRoomCompositeEgress: `filepath` may use the {room_name}, {room_id} and {time} templates, as LiveKit egress does. */
  startEgress(room: SimRoom, filepath: string): SimEgress {
    const startedAt = this.deps.now().getTime();
    const time = new Date(startedAt).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '');
    const filename = (filepath || '{room_name}-{time}.ogg').replaceAll('{room_name}', room.name).replaceAll('{room_id}', room.sid).replaceAll('{time}', time);
    room.egress = { egressId: sid('EG'), filename, startedAt };
    this.deps.webhooks.send(room.name, { event: 'egress_started', egressInfo: this.egressJson(room, room.egress, 'EGRESS_ACTIVE') });
    room.markRecording();
    return room.egress;
  }

  egressJson(room: SimRoom, egress: SimEgress, status: 'EGRESS_STARTING' | 'EGRESS_ACTIVE') {
    return { egressId: egress.egressId, roomId: room.sid, roomName: room.name, status, startedAt: unixNanos(egress.startedAt) };
  }

  /** Everyone leaves (ROOM_DELETED for DeleteRoom), then room_finished. */
  close(room: SimRoom, disconnectReason: 'ROOM_DELETED' | 'ROOM_CLOSED') {
    if (room.closed) return;
    room.closed = true;
    room.controller.abort();
    this.rooms.delete(room.name);
    for (const participant of [...room.participants.values()]) {
      room.participants.delete(participant.identity);
      this.deps.webhooks.send(room.name, { event: 'participant_left', room: roomJson(room), participant: participantJson(participant, 'DISCONNECTED', disconnectReason) });
    }
    this.deps.webhooks.send(room.name, {
      event: 'room_finished',
      room: roomJson(room),
      roomEndReason: disconnectReason === 'ROOM_DELETED' ? 'ROOM_END_API_DELETE' : 'ROOM_END_IDLE_TIMEOUT',
    });
    // A room composite egress ends with its room, and reports where the file went.
    if (room.egress) this.finishEgress(room, room.egress);
  }

  private finishEgress(room: SimRoom, egress: SimEgress) {
    const endedAt = this.deps.now().getTime();
    this.deps.webhooks.send(room.name, {
      event: 'egress_ended',
      egressInfo: {
        ...this.egressJson(room, egress, 'EGRESS_ACTIVE'),
        status: 'EGRESS_COMPLETE',
        endedAt: unixNanos(endedAt),
        fileResults: [{ filename: egress.filename, location: this.deps.recordingUrl(room.name), duration: unixNanos(endedAt - egress.startedAt) }],
      },
    });
  }

  closeAll() {
    for (const room of [...this.rooms.values()]) {
      room.closed = true;
      room.controller.abort();
    }
    this.rooms.clear();
  }
}
