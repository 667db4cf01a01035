// livekit.AgentDispatchService, simulated: the agent worker takes the job and its agent joins the room a moment later.
import crypto from 'node:crypto';
import { z } from 'zod';
import { TwirpFailure } from '../twirp';
import type { SimContext, TwirpMethods } from './context';

const createDispatchRequest = z.object({ agentName: z.string().default(''), room: z.string().default(''), metadata: z.string().optional() });

export function agentDispatchMethods({ rooms, options, sleep, signal, track }: SimContext): TwirpMethods {
  return {
    'livekit.AgentDispatchService/CreateDispatch': async (body) => {
      const request = createDispatchRequest.parse(body);
      const room = rooms.get(request.room);
      if (!room) throw new TwirpFailure('not_found', `room ${request.room} not found`);
      if (options.registeredAgents && !options.registeredAgents.includes(request.agentName)) {
        throw new TwirpFailure('not_found', `no agent worker registered with agent_name ${request.agentName}`);
      }
      const id = `AD_${crypto.randomBytes(6).toString('hex')}`;
      room.dispatchMetadata = request.metadata;
      track(
        sleep(0.3, AbortSignal.any([room.controller.signal, signal]))
          .then(() => rooms.join(room, { identity: `agent-AJ_${crypto.randomBytes(6).toString('hex')}`, name: request.agentName, kind: 'AGENT' }))
          .catch(() => undefined),
      );
      return { id, agentName: request.agentName, room: room.name, metadata: request.metadata ?? '' };
    },
  };
}
