// Every Twirp request carries `Authorization: Bearer <JWT>` signed with the API secret, with the
// grants the method needs. The simulator checks both, as a LiveKit server does, so a wrong key
// or a missing grant fails here rather than in production.
import { TokenVerifier, type ClaimGrants } from 'livekit-server-sdk';
import { TwirpFailure } from './twirp';

type Request = Record<string, unknown>;

/** The grant each method needs (what RoomServiceClient, AgentDispatchClient, SipClient and EgressClient put in their tokens). */
export const grantCheckByMethod: Readonly<Record<string, (claims: ClaimGrants, request: Request) => boolean>> = {
  'livekit.RoomService/CreateRoom': (c) => !!c.video?.roomCreate,
  'livekit.RoomService/ListRooms': (c) => !!c.video?.roomList,
  'livekit.RoomService/DeleteRoom': (c) => !!c.video?.roomCreate,
  'livekit.RoomService/ListParticipants': (c, r) => !!c.video?.roomAdmin && c.video.room === r.room,
  'livekit.AgentDispatchService/CreateDispatch': (c, r) => !!c.video?.roomAdmin && c.video.room === r.room,
  'livekit.SIP/CreateSIPParticipant': (c) => !!c.sip?.call,
  'livekit.Egress/StartRoomCompositeEgress': (c) => !!c.video?.roomRecord,
};

export async function authorize(verifier: TokenVerifier, method: string, authorization: string | undefined, request: Request): Promise<ClaimGrants> {
  const token = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length).trim() : undefined;
  if (!token) throw new TwirpFailure('unauthenticated', 'authorization header is missing');
  let claims: ClaimGrants;
  try {
    claims = (await verifier.verify(token)) as ClaimGrants;
  } catch {
    throw new TwirpFailure('unauthenticated', 'invalid token: signature, key or expiry does not match');
  }
  const check = grantCheckByMethod[method];
  if (!check) throw new TwirpFailure('bad_route', `no handler for ${method}`);
  if (!check(claims, request)) throw new TwirpFailure('permission_denied', 'permissions denied');
  return claims;
}
