// livekit.Egress, simulated: a room composite recording to a file, ended with its room.
import { z } from 'zod';
import { TwirpFailure } from '../twirp';
import type { SimContext, TwirpMethods } from './context';

const fileOutput = z.object({ filepath: z.string().default('') });
const roomCompositeEgressRequest = z.object({
  roomName: z.string().default(''),
  audioOnly: z.boolean().default(false),
  file: fileOutput.optional(),
  fileOutputs: z.array(fileOutput).default([]),
});

export function egressMethods({ rooms }: SimContext): TwirpMethods {
  return {
    'livekit.Egress/StartRoomCompositeEgress': async (body) => {
      const request = roomCompositeEgressRequest.parse(body);
      if (!request.roomName) throw new TwirpFailure('invalid_argument', 'room_name is required');
      const room = rooms.get(request.roomName);
      if (!room) throw new TwirpFailure('not_found', `requested room ${request.roomName} does not exist`);
      // The simulator writes files only; a stream or segments output is not something it can fake usefully.
      const file = request.fileOutputs[0] ?? request.file;
      if (!file) throw new TwirpFailure('invalid_argument', 'the simulator records to a file output only');
      // LiveKit allows several egresses per room; the simulator keeps one recording per call.
      if (room.egress) throw new TwirpFailure('already_exists', `room ${room.name} is already being recorded`);
      return rooms.egressJson(room, rooms.startEgress(room, file.filepath), 'EGRESS_STARTING');
    },
  };
}
