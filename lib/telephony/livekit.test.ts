// The real livekit-server-sdk against a stand-in Twirp server that records what it receives.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenVerifier, type ClaimGrants } from 'livekit-server-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseDispatchMetadata } from '@/agent/src/metadata';
import { ManualClock } from '@/lib/clock';
import { dispatchMetadata } from '@/shared/contracts/agent-dispatch';
import { logger } from '@/lib/logger';
import { LiveKitTelephony } from './livekit';
import { verifyReportToken } from './report-token';
import { DialError, type CallContext } from './types';

const apiKey = 'APIstandin';
const apiSecret = 'stand-in-secret-long-enough-for-hs256-signing';
const reportSecret = 'report-secret';
const clock = new ManualClock('2025-03-03T15:00:00Z');

type Received = { method: string; body: Record<string, unknown>; claims: ClaimGrants };
type Reply = { status: number; body: unknown };
let received: Received[] = [];
let reply: (method: string, body: Record<string, unknown>) => Reply;
let server: http.Server;
let url: string;

const ok = (body: unknown): Reply => ({ status: 200, body });
const twirpError = (status: number, code: string, msg: string, meta?: Record<string, string>): Reply => ({ status, body: { code, msg, ...(meta ? { meta } : {}) } });
const defaultReply = (method: string, body: Record<string, unknown>): Reply => {
  switch (method) {
    case 'livekit.RoomService/CreateRoom':
      return ok({ sid: 'RM_1', name: body.name, metadata: body.metadata });
    case 'livekit.AgentDispatchService/CreateDispatch':
      return ok({ id: 'AD_1', agentName: body.agentName, room: body.room });
    case 'livekit.SIP/CreateSIPParticipant':
      return ok({ participantId: 'PA_1', participantIdentity: body.participantIdentity, roomName: body.roomName, sipCallId: 'SCL_1' });
    case 'livekit.RoomService/DeleteRoom':
      return ok({});
    case 'livekit.Egress/StartRoomCompositeEgress':
      return ok({ egressId: 'EG_1', roomName: body.roomName, status: 'EGRESS_STARTING' });
    default:
      return twirpError(404, 'bad_route', 'no such method');
  }
};

beforeAll(async () => {
  const verifier = new TokenVerifier(apiKey, apiSecret);
  server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>;
    const method = (req.url ?? '').replace('/twirp/', '');
    const claims = (await verifier.verify((req.headers.authorization ?? '').replace('Bearer ', ''))) as ClaimGrants;
    received.push({ method, body, claims });
    const { status, body: out } = reply(method, body);
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(out));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received = [];
  reply = defaultReply;
});

const telephony = () =>
  new LiveKitTelephony({ url, apiKey, apiSecret, sipTrunkId: 'ST_trunk', defaultAgentName: 'outbound-caller', appUrl: 'https://app.example.com/', reportTokenSecret: reportSecret, ringingTimeoutSeconds: 25, maxCallDurationSeconds: 600, clock });

const call = (overrides: Partial<CallContext['campaign']> = {}): CallContext & { roomName: string } => ({
  callId: '8a1f3c2e-0000-4000-8000-00000000c0de',
  attemptNumber: 2,
  roomName: 'call-campaign-lead-a2-8a1f3c2e',
  campaign: {
    id: 'camp-1',
    name: 'Spring outreach',
    scriptGuidance: 'Be brief and friendly.',
    callerId: '+15551230000',
    recordCalls: true,
    recordingDisclosure: 'This call may be recorded for quality.',
    qualificationCriteria: [{ field: 'budget', type: 'number', operator: '>=', value: 10000, weight: 2 }],
    minQualificationScore: 60,
    ...overrides,
  },
  lead: { id: 'lead-1', name: 'Dana Smith', company: 'Acme', phone: '+15557654321', timezone: 'America/Chicago', context: { industry: 'logistics' } },
});

/** The campaign and lead fields every dispatch of the test call carries. */
const dispatchedLead = () => ({
  campaign_id: 'camp-1',
  call_id: call().callId,
  lead_name: 'Dana Smith',
  lead_company: 'Acme',
  lead_phone: '+15557654321',
  lead_timezone: 'America/Chicago',
  lead_context: { industry: 'logistics' },
});

describe('LiveKitTelephony places a call', () => {
  it('creates the room, dispatches the agent with the call metadata, then dials the lead and waits for the answer', async () => {
    const placed = await telephony().placeCall(call({ recordCalls: false }));
    expect(received.map((r) => r.method)).toEqual(['livekit.RoomService/CreateRoom', 'livekit.AgentDispatchService/CreateDispatch', 'livekit.SIP/CreateSIPParticipant']);
    expect(placed).toEqual({ roomName: call().roomName, sipCallId: 'SCL_1', participantIdentity: `lead-${call().callId}`, answeredAt: clock.now() });

    const [room, dispatch, sip] = received;
    expect(room.claims.video).toMatchObject({ roomCreate: true });
    expect(room.body).toMatchObject({ name: call().roomName, emptyTimeout: 85, departureTimeout: 20, maxParticipants: 10 });
    expect(JSON.parse(room.body.metadata as string)).toMatchObject({ call_id: call().callId, campaign_id: 'camp-1' });

    expect(dispatch.claims.video).toMatchObject({ roomAdmin: true, room: call().roomName });
    expect(dispatch.body).toMatchObject({ room: call().roomName, agentName: 'outbound-caller' });

    expect(sip.claims.sip).toEqual({ call: true });
    expect(sip.body).toEqual({
      sipTrunkId: 'ST_trunk',
      sipCallTo: '+15557654321',
      sipNumber: '+15551230000',
      roomName: call().roomName,
      participantIdentity: `lead-${call().callId}`,
      participantAttributes: { 'outbound.call_id': call().callId, 'outbound.campaign_id': 'camp-1', 'outbound.lead_id': 'lead-1' },
      ringingTimeout: '25s',
      maxCallDuration: '600s',
      waitUntilAnswered: true,
    });
  });

  it('the dispatch metadata carries exactly what the agent needs, with a report token bound to the call', async () => {
    await telephony().placeCall(call());
    // Its recording starts beside the call; let it land here rather than in the next test.
    await vi.waitFor(() => expect(received).toHaveLength(4));
    const metadata = JSON.parse(received[1].body.metadata as string) as Record<string, unknown>;
    expect(Object.keys(metadata).sort()).toEqual(
      ['campaign_id', 'call_id', 'lead_name', 'lead_company', 'lead_phone', 'lead_timezone', 'lead_context', 'qualification_criteria', 'script_guidance', 'recording_disclosure', 'recording_disclosure_first', 'voicemail_message', 'report_url', 'report_token'].sort(),
    );
    expect(dispatchMetadata.strict().parse(metadata)).toMatchObject({
      ...dispatchedLead(),
      qualification_criteria: { criteria: [{ field: 'budget', type: 'number', operator: '>=', value: 10000, weight: 2 }], minQualificationScore: 60 },
      script_guidance: 'Be brief and friendly.',
      recording_disclosure: 'This call may be recorded for quality.',
      report_url: 'https://app.example.com/api/livekit/agent-report',
    });
    await expect(verifyReportToken(metadata.report_token as string, { secret: reportSecret, now: clock.now(), callId: call().callId })).resolves.toEqual({ callId: call().callId });
  });

  it('every campaign setting the agent acts on reaches it, read by the agent\'s own parser', async () => {
    const criteria: CallContext['campaign']['qualificationCriteria'] = [
      { field: 'budget', type: 'number', operator: '>=', value: 10000, weight: 40 },
      { field: 'decision_maker', type: 'boolean', operator: '==', value: true, weight: 30 },
      { field: 'tools', type: 'string_list', operator: 'contains_any', value: ['salesforce'], weight: 30, label: 'CRM tools in use' },
    ];
    await telephony().placeCall(
      call({
        agentName: 'spring-caller',
        scriptGuidance: 'Mention the free pilot.',
        callerId: '+15551230099',
        recordCalls: true,
        recordingDisclosure: 'This call is recorded.',
        recordingDisclosureFirst: true,
        voicemailMessage: 'Hi Dana, this is Alex from RouteCo. I will try you again soon.',
        qualificationCriteria: criteria,
        minQualificationScore: 70,
      }),
    );
    await vi.waitFor(() => expect(received).toHaveLength(4));
    const [, dispatch, sip] = received;
    expect(dispatch.body.agentName).toBe('spring-caller');
    expect(sip.body.sipNumber).toBe('+15551230099');

    const meta = parseDispatchMetadata(dispatch.body.metadata as string);
    expect(meta).toMatchObject({
      ...dispatchedLead(),
      script_guidance: 'Mention the free pilot.',
      recording_disclosure: 'This call is recorded.',
      recording_disclosure_first: true,
      voicemail_message: 'Hi Dana, this is Alex from RouteCo. I will try you again soon.',
      qualification_criteria: { criteria, minQualificationScore: 70 },
      report_url: 'https://app.example.com/api/livekit/agent-report',
    });
  });

  it('a campaign that does not record sends no disclosure; its own agent name wins', async () => {
    await telephony().placeCall(call({ recordCalls: false, agentName: 'spanish-caller', scriptGuidance: undefined }));
    expect(received[1].body.agentName).toBe('spanish-caller');
    expect(JSON.parse(received[1].body.metadata as string)).toMatchObject({ recording_disclosure: null, script_guidance: null });
  });

  it('a recording campaign starts an audio-only recording to a file once the lead has answered', async () => {
    await telephony().placeCall(call());
    await vi.waitFor(() => expect(received).toHaveLength(4));
    expect(received.map((r) => r.method)).toEqual([
      'livekit.RoomService/CreateRoom',
      'livekit.AgentDispatchService/CreateDispatch',
      'livekit.SIP/CreateSIPParticipant',
      'livekit.Egress/StartRoomCompositeEgress',
    ]);
    const egress = received[3];
    expect(egress.claims.video).toMatchObject({ roomRecord: true });
    expect(egress.body).toEqual({ roomName: call().roomName, audioOnly: true, fileOutputs: [{ filepath: 'recordings/{room_name}-{time}.ogg' }] });
  });

  it('a campaign that does not record starts no recording', async () => {
    await telephony().placeCall(call({ recordCalls: false }));
    // A recording call placed after it marks the moment any egress request of the first would have been sent by.
    await telephony().placeCall({ ...call(), roomName: 'call-recorded-after' });
    await vi.waitFor(() => expect(received.some((r) => r.method.startsWith('livekit.Egress/'))).toBe(true), { timeout: 30_000 });
    expect(received.filter((r) => r.method.startsWith('livekit.Egress/')).map((r) => (r.body as { roomName: string }).roomName)).toEqual(['call-recorded-after']);
  });

  it('a recording that fails to start does not fail the dial, nor hang up the call', async () => {
    reply = (method, body) => (method === 'livekit.Egress/StartRoomCompositeEgress' ? twirpError(503, 'unavailable', 'no egress workers available') : defaultReply(method, body));
    const warned = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    await expect(telephony().placeCall(call())).resolves.toMatchObject({ roomName: call().roomName, sipCallId: 'SCL_1' });
    await vi.waitFor(() => expect(warned).toHaveBeenCalledWith('livekit: the call recording did not start', expect.objectContaining({ roomName: call().roomName })));
    warned.mockRestore();
    expect(received.at(-1)?.method).toBe('livekit.Egress/StartRoomCompositeEgress');
    expect(received.some((r) => r.method === 'livekit.RoomService/DeleteRoom')).toBe(false);
  });

  it('an unanswered call is not recorded', async () => {
    reply = (method, body) => (method === 'livekit.SIP/CreateSIPParticipant' ? twirpError(408, 'canceled', 'sip request timed out') : defaultReply(method, body));
    await expect(telephony().placeCall(call())).rejects.toMatchObject({ kind: 'no_answer' });
    expect(received.some((r) => r.method.startsWith('livekit.Egress/'))).toBe(false);
  });

  it('without a SIP trunk nothing is dialled and the telephony is unavailable', async () => {
    const noTrunk = new LiveKitTelephony({ url, apiKey, apiSecret, sipTrunkId: '', defaultAgentName: 'a', appUrl: 'http://x', reportTokenSecret: 's' });
    await expect(noTrunk.placeCall(call())).rejects.toMatchObject({ kind: 'unavailable' });
    expect(received).toEqual([]);
  });
});

// Each SIP outcome as LiveKit returns it: the Twirp code it maps the SIP response to, with the SIP status in meta.
const sipReply = (code: number, reason: string, twirp: string, status: number) => twirpError(status, twirp, `sip status ${code}: ${reason}`, { sip_status_code: String(code), sip_status: reason });

describe('a failed dial rejects with the DialError the engine acts on, and closes the room', () => {
  it.each([
    ['486 Busy Here', sipReply(486, 'Busy Here', 'resource_exhausted', 429), 'busy', 486],
    ['600 Busy Everywhere', sipReply(600, 'Busy Everywhere', 'resource_exhausted', 429), 'busy', 600],
    ['480 Temporarily Unavailable', sipReply(480, 'Temporarily Unavailable', 'resource_exhausted', 429), 'no_answer', 480],
    ['408 Request Timeout', sipReply(408, 'Request Timeout', 'deadline_exceeded', 408), 'no_answer', 408],
    ['603 Decline', sipReply(603, 'Decline', 'permission_denied', 403), 'no_answer', 603],
    ['404 Not Found', sipReply(404, 'Not Found', 'not_found', 404), 'invalid_number', 404],
    ['484 Address Incomplete', sipReply(484, 'Address Incomplete', 'invalid_argument', 400), 'invalid_number', 484],
    ['604 Does Not Exist Anywhere', sipReply(604, 'Does Not Exist Anywhere', 'not_found', 404), 'invalid_number', 604],
    ['503 Service Unavailable', sipReply(503, 'Service Unavailable', 'failed_precondition', 412), 'failed', 503],
    ['500 Server Internal Error', sipReply(500, 'Server Internal Error', 'failed_precondition', 412), 'failed', 500],
    ['401 Unauthorized (trunk credentials)', sipReply(401, 'Unauthorized', 'permission_denied', 403), 'unavailable', 401],
    ['ring-out (no SIP status)', twirpError(408, 'canceled', 'sip request timed out'), 'no_answer', undefined],
    ['a project rate limit (no SIP status)', twirpError(429, 'resource_exhausted', 'too many concurrent calls'), 'rate_limited', undefined],
    ['a missing trunk', twirpError(404, 'not_found', 'requested sip trunk does not exist'), 'unavailable', undefined],
  ] as const)('%s → %s', async (_, sipFailure, kind, sipStatus) => {
    reply = (method, body) => (method === 'livekit.SIP/CreateSIPParticipant' ? sipFailure : defaultReply(method, body));
    const error = await telephony().placeCall(call()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DialError);
    expect(error).toMatchObject({ kind, sipStatusCode: sipStatus });
    expect(received.at(-1)).toMatchObject({ method: 'livekit.RoomService/DeleteRoom', body: { room: call().roomName } });
  });

  it.each([
    ['bad credentials on the room', 'livekit.RoomService/CreateRoom', twirpError(401, 'unauthenticated', 'invalid token'), 'unavailable'],
    ['an unknown agent', 'livekit.AgentDispatchService/CreateDispatch', twirpError(404, 'not_found', 'no agent registered with name outbound-caller'), 'unavailable'],
    ['a room request LiveKit refuses', 'livekit.RoomService/CreateRoom', twirpError(400, 'invalid_argument', 'bad room name'), 'failed'],
  ] as const)('%s → %s', async (_, failingMethod, failure, kind) => {
    reply = (method, body) => (method === failingMethod ? failure : defaultReply(method, body));
    await expect(telephony().placeCall(call())).rejects.toMatchObject({ kind });
    expect(received.some((r) => r.method === 'livekit.SIP/CreateSIPParticipant')).toBe(false);
  });
});

describe('call state and hang-up', () => {
  const participant = (kind: string, attributes: Record<string, string> = {}) => ({ sid: 'PA', identity: kind === 'SIP' ? 'lead-x' : 'agent-x', kind, attributes });

  it.each([
    ['no room', [], [], 'ended'],
    ['the lead is on the line', [{ name: 'r' }], [participant('AGENT'), participant('SIP', { 'sip.callStatus': 'active' })], 'active'],
    ['the lead is still ringing', [{ name: 'r' }], [participant('SIP', { 'sip.callStatus': 'ringing' })], 'active'],
    ['only the agent is left', [{ name: 'r' }], [participant('AGENT')], 'ended'],
    ['the lead hung up', [{ name: 'r' }], [participant('SIP', { 'sip.callStatus': 'hangup' })], 'ended'],
  ])('%s → %s', async (_, rooms, participants, state) => {
    reply = (method) => (method === 'livekit.RoomService/ListRooms' ? ok({ rooms }) : ok({ participants }));
    await expect(telephony().getCallState('r')).resolves.toBe(state);
    expect(received[0].claims.video).toMatchObject({ roomList: true });
    if (received[1]) expect(received[1].claims.video).toMatchObject({ roomAdmin: true, room: 'r' });
  });

  it('LiveKit unreachable → unknown', async () => {
    reply = () => twirpError(500, 'internal', 'boom');
    await expect(telephony().getCallState('r')).resolves.toBe('unknown');
  });

  it('hanging up deletes the room; a room already gone is fine', async () => {
    await telephony().hangUp('r');
    expect(received[0]).toMatchObject({ method: 'livekit.RoomService/DeleteRoom', body: { room: 'r' } });
    reply = () => twirpError(404, 'not_found', 'room not found');
    await expect(telephony().hangUp('r')).resolves.toBeUndefined();
  });
});
