import crypto from 'node:crypto';
import { AccessToken, TokenVerifier, WebhookEvent, WebhookReceiver } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { callEventsFromWebhook, roomNameOfWebhook, verifyLiveKitWebhook } from './livekit-webhook';

const apiKey = 'APIwebhooktest';
const apiSecret = 'webhook-test-secret-that-is-long-enough';
const receiver = new TokenVerifier(apiKey, apiSecret);

/** Signs a body the way a LiveKit server does: a JWT whose sha256 claim is the body's digest. */
async function signed(body: string, secret = apiSecret, key = apiKey): Promise<string> {
  const token = new AccessToken(key, secret, { ttl: '5m' });
  token.sha256 = crypto.createHash('sha256').update(body).digest('base64');
  return token.toJwt();
}

const body = JSON.stringify({ event: 'room_finished', id: 'EV_sig', createdAt: '1741000000', room: { name: 'call-1', sid: 'RM_1' } });

describe('LiveKit webhook signature', () => {
  it('a webhook signed with the API secret verifies', async () => {
    const event = await verifyLiveKitWebhook(receiver, body, await signed(body));
    expect(event.event).toBe('room_finished');
    expect(roomNameOfWebhook(event)).toBe('call-1');
  });

  it.each([
    ['unsigned', async () => null],
    ['signed with another secret', async () => signed(body, 'some-other-secret-of-enough-length')],
    ['signed with another key', async () => signed(body, apiSecret, 'APIother')],
    ['signed for another body', async () => signed(body.replace('call-1', 'call-2'))],
    ['garbage in the header', async () => 'Bearer nonsense'],
  ])('a webhook %s is refused with 401', async (_, header) => {
    const error = await verifyLiveKitWebhook(receiver, body, await header()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(401);
  });

  it('reads a webhook as the SDK’s WebhookReceiver does', async () => {
    const header = await signed(body);
    const ours = await verifyLiveKitWebhook(receiver, body, header);
    expect(ours.toJson()).toEqual((await new WebhookReceiver(apiKey, apiSecret).receive(body, header)).toJson());
  });

  it('a signed body that is no webhook event is refused with 400, not a 500', async () => {
    const notAnEvent = JSON.stringify({ event: 'room_finished', room: 'not an object' });
    const error = await verifyLiveKitWebhook(receiver, notAnEvent, await signed(notAnEvent)).catch((e: unknown) => e);
    expect((error as AppError).status).toBe(400);
  });

  it('a body changed after signing is refused', async () => {
    const header = await signed(body);
    const error = await verifyLiveKitWebhook(receiver, body.replace('room_finished', 'room_started'), header).catch((e: unknown) => e);
    expect((error as AppError).status).toBe(401);
  });
});

const callId = 'c0ffee00-0000-4000-8000-000000000001';
const receivedAt = new Date('2025-03-03T12:00:00Z');
const sipLead = (attributes: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  sid: 'PA_lead',
  identity: `lead-${callId}`,
  kind: 'SIP',
  attributes,
  ...extra,
});
const webhook = (json: Record<string, unknown>) =>
  WebhookEvent.fromJson({ id: 'EV_1', createdAt: '1741003200', room: { name: 'call-1', sid: 'RM_1' }, ...json }, { ignoreUnknownFields: true });

describe('a LiveKit webhook becomes call events', () => {
  const left = (disconnectReason: string) => ({ event: 'participant_left', participant: sipLead({ 'sip.callStatus': 'hangup' }, { disconnectReason }) });

  it.each([
    ['the lead joins while dialling', 'calling', { event: 'participant_joined', participant: sipLead({ 'sip.callStatus': 'dialing' }) }, [{ type: 'dialing', id: 'EV_1:dialing' }]],
    ['the lead joins without a status yet', 'calling', { event: 'participant_joined', participant: sipLead({}) }, [{ type: 'dialing' }]],
    ['the phone starts ringing', 'calling', { event: 'participant_attributes_changed', participant: sipLead({ 'sip.callStatus': 'ringing' }) }, [{ type: 'ringing', id: 'EV_1:ringing' }]],
    ['the lead picks up', 'calling', { event: 'participant_attributes_changed', participant: sipLead({ 'sip.callStatus': 'active' }) }, [{ type: 'answered', id: 'EV_1:answered' }]],
    ['the status turns to hangup (the departure says why)', 'in_progress', { event: 'participant_attributes_changed', participant: sipLead({ 'sip.callStatus': 'hangup' }) }, []],
    ['the lead hangs up after talking', 'in_progress', left('CLIENT_INITIATED'), [{ type: 'ended', reason: 'completed', id: 'EV_1:ended' }]],
    ['the room is deleted mid-conversation', 'in_progress', left('ROOM_DELETED'), [{ type: 'ended', reason: 'completed' }]],
    ['the lead hangs up before anyone answered', 'calling', left('CLIENT_INITIATED'), [{ type: 'ended', reason: 'no_answer', provisional: true }]],
    ['the room is deleted while ringing', 'calling', left('ROOM_DELETED'), [{ type: 'ended', reason: 'no_answer' }]],
    ['the lead was busy or declined (provisional: the dial’s SIP status tells which)', 'calling', left('USER_REJECTED'), [{ type: 'ended', reason: 'busy', provisional: true }]],
    ['nobody picked up', 'calling', left('USER_UNAVAILABLE'), [{ type: 'ended', reason: 'no_answer', provisional: true }]],
    ['the trunk failed', 'calling', left('SIP_TRUNK_FAILURE'), [{ type: 'ended', reason: 'failed' }]],
    ['the media failed mid-call', 'in_progress', left('MEDIA_FAILURE'), [{ type: 'ended', reason: 'failed' }]],
    ['the lead connection aborted', 'calling', { event: 'participant_connection_aborted', participant: sipLead({}) }, [{ type: 'ended', reason: 'failed' }]],
    ['the room of an answered call finished', 'in_progress', { event: 'room_finished' }, [{ type: 'ended', reason: 'completed', detail: 'room_finished', id: 'EV_1:ended' }]],
    ['the room of a call still ringing finished (the dial result decides)', 'calling', { event: 'room_finished' }, []],
    ['the room of a finished call finished', 'completed', { event: 'room_finished' }, []],
    ['anything about a dial the engine gave back (pending)', 'pending', left('USER_REJECTED'), []],
    ['a late join for a dial the engine gave back', 'pending', { event: 'participant_joined', participant: sipLead({ 'sip.callStatus': 'dialing' }) }, []],
    [
      'the recording is ready',
      'completed',
      { event: 'egress_ended', egressInfo: { egressId: 'EG_1', roomName: 'call-1', status: 'EGRESS_COMPLETE', fileResults: [{ filename: 'a.ogg', location: 'https://store/a.ogg' }] } },
      [{ type: 'recording', url: 'https://store/a.ogg', id: 'EV_1:recording' }],
    ],
    ['a failed recording', 'completed', { event: 'egress_ended', egressInfo: { roomName: 'call-1', status: 'EGRESS_FAILED', fileResults: [] } }, []],
    ['the agent joins (not the lead)', 'calling', { event: 'participant_joined', participant: { identity: 'agent-AJ_1', kind: 'AGENT' } }, []],
    ['a listener leaves (not the lead)', 'in_progress', { event: 'participant_left', participant: { identity: 'listener-1', kind: 'STANDARD', disconnectReason: 'CLIENT_INITIATED' } }, []],
    ['the room started', 'calling', { event: 'room_started' }, []],
    ['a track was published', 'in_progress', { event: 'track_published', participant: sipLead({ 'sip.callStatus': 'active' }) }, []],
  ])('%s (call %s)', (_, callStatus, json, expected) => {
    const events = callEventsFromWebhook(webhook(json), { callId, callStatus, receivedAt });
    expect(events).toHaveLength(expected.length);
    expected.forEach((want, i) => expect(events[i]).toMatchObject({ callId, at: new Date(1741003200 * 1000), ...want }));
  });

  it('only a lead who never answered leaves provisionally: an answered call’s end is final', () => {
    const answered = callEventsFromWebhook(webhook(left('USER_REJECTED')), { callId, callStatus: 'in_progress', receivedAt });
    expect(answered).toHaveLength(1);
    expect(answered[0]).not.toHaveProperty('provisional');
  });

  it('the egress names the room when the webhook has none', () => {
    const event = WebhookEvent.fromJson({ event: 'egress_ended', id: 'EV_2', egressInfo: { roomName: 'call-9', status: 'EGRESS_COMPLETE' } });
    expect(roomNameOfWebhook(event)).toBe('call-9');
  });

  it('a webhook without a time takes the time it was received', () => {
    const event = WebhookEvent.fromJson({ event: 'room_finished', id: 'EV_3', room: { name: 'call-1' } });
    expect(callEventsFromWebhook(event, { callId, callStatus: 'in_progress', receivedAt })[0].at).toEqual(receivedAt);
  });

  it('a redelivered webhook keeps its event ids; a different webhook gets new ones', () => {
    const json = left('CLIENT_INITIATED');
    const context = { callId, callStatus: 'in_progress', receivedAt };
    const first = callEventsFromWebhook(webhook(json), context);
    const again = callEventsFromWebhook(webhook(json), { ...context, receivedAt: new Date() });
    const other = callEventsFromWebhook(webhook({ ...json, id: 'EV_other' }), context);
    expect(again[0].id).toBe(first[0].id);
    expect(other[0].id).not.toBe(first[0].id);
  });
});
