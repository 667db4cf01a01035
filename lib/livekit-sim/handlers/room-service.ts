// livekit.RoomService, simulated: rooms made, listed and deleted, and who is in them.
import { z } from 'zod';
import { participantJson, roomJson } from '../rooms';
import { TwirpFailure } from '../twirp';
import type { SimContext, TwirpMethods } from './context';

const roomRequest = z.object({ room: z.string().default('') });
const createRoomRequest = z.object({
  name: z.string().default(''),
  emptyTimeout: z.number().optional(),
  departureTimeout: z.number().optional(),
  maxParticipants: z.number().optional(),
  metadata: z.string().optional(),
});
const listRoomsRequest = z.object({ names: z.array(z.string()).default([]) });

export function roomServiceMethods({ rooms }: SimContext): TwirpMethods {
  return {
    'livekit.RoomService/CreateRoom': async (body) => {
      const request = createRoomRequest.parse(body);
      if (!request.name) throw new TwirpFailure('invalid_argument', 'room name is required');
      return roomJson(rooms.create(request));
    },
    'livekit.RoomService/ListRooms': async (body) => ({ rooms: rooms.list(listRoomsRequest.parse(body).names).map(roomJson) }),
    'livekit.RoomService/DeleteRoom': async (body) => {
      const room = rooms.get(roomRequest.parse(body).room);
      if (!room) throw new TwirpFailure('not_found', 'room not found');
      rooms.close(room, 'ROOM_DELETED');
      return {};
    },
    'livekit.RoomService/ListParticipants': async (body) => {
      const room = rooms.get(roomRequest.parse(body).room);
      if (!room) throw new TwirpFailure('not_found', 'room not found');
      return { participants: [...room.participants.values()].map((p) => participantJson(p)) };
    },
  };
}
