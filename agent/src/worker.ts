// The LiveKit worker: takes a dispatched call, waits for the lead to pick up, holds the
// conversation with the campaign's instructions and tools, then hangs up and reports to the app.
// Every rule lives in the plain modules beside this file; this one only wires them to
// @livekit/agents, which is why it is the one file the tests do not load.
import { AutoSubscribe, type JobContext, type JobProcess, ServerOptions, cli, defineAgent, llm, log, voice } from '@livekit/agents';
import * as openai from '@livekit/agents-plugin-openai';
import * as silero from '@livekit/agents-plugin-silero';
import { type RemoteParticipant, type Room, RoomEvent } from '@livekit/rtc-node';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type CallState, callReport, initialCallState, leadHungUp } from './call-state';
import { readWorkerEnv } from './env';
import { buildInstructions, openingLine } from './instructions';
import { zoneOrUtc } from './local-time';
import type { DispatchMetadata } from '../../shared/contracts/agent-dispatch';
import { redactFields } from '../../shared/log-redaction';
import { parseDispatchMetadata } from './metadata';
import { postReport } from './report-client';
import { isAnswered, leadIdentity } from './sip';
import { type ToolOutcome, detectedAnsweringMachine, endCall, endReasons, optOut, recordAnswer, scheduleCallback } from './tools';
import { Transcript } from './transcript';

const env = readWorkerEnv();

/** The call as the worker holds it while it runs. */
type LiveCall = { state: CallState; transcript?: Transcript; agentHungUp: boolean };

export default defineAgent({
  prewarm: async (proc: JobProcess) => {
    proc.userData.vad = await silero.VAD.load();
  },

  entry: async (ctx: JobContext) => {
    const meta = parseDispatchMetadata(ctx.job.metadata);
    const logger = log().child({ callId: meta.call_id, campaignId: meta.campaign_id });
    const call: LiveCall = { state: initialCallState(), agentHungUp: false };

    ctx.addShutdownCallback(async () => {
      // No transcript means nobody answered: the app learns of that dial from LiveKit's webhooks.
      if (!call.transcript) return;
      // The lead is still on the line when the agent ends the call: deleting the room hangs up the
      // SIP leg. Hang up before reporting so they never sit through a slow report in silence.
      if (call.agentHungUp) await ctx.deleteRoom();
      const state = call.agentHungUp ? call.state : leadHungUp(call.state);
      try {
        const sent = await postReport({ reportUrl: meta.report_url, reportToken: meta.report_token, report: callReport(state, call.transcript.entries()) });
        logger.info(redactFields({ attempts: sent.attempts }), 'call report delivered');
      } catch (error) {
        // The same redaction as the app's logger: an error may quote the report URL or a number.
        logger.error(redactFields({ error }), 'call report not delivered');
      }
    });

    await ctx.connect(undefined, AutoSubscribe.AUDIO_ONLY);
    const lead = await ctx.waitForParticipant(leadIdentity(meta.call_id));
    await waitForAnswer(ctx.room, lead);
    call.transcript = new Transcript(Date.now());

    const session = new voice.AgentSession({
      vad: ctx.proc.userData.vad as silero.VAD,
      stt: new openai.STT({ model: env.OPENAI_STT_MODEL }),
      llm: new openai.LLM({ model: env.OPENAI_MODEL }),
      tts: new openai.TTS({ model: env.OPENAI_TTS_MODEL, voice: env.OPENAI_TTS_VOICE as openai.TTSOptions['voice'] }),
    });
    session.on(voice.AgentSessionEventTypes.ConversationItemAdded, ({ item }) => {
      if (item.type === 'message') call.transcript?.add({ role: item.role, text: item.textContent, createdAt: item.createdAt });
    });
    session.on(voice.AgentSessionEventTypes.Close, () => ctx.shutdown('session closed'));
    // The session closes itself for most ways a phone leg drops, but not all: end the job on any.
    ctx.room.on(RoomEvent.ParticipantDisconnected, (participant) => {
      if (participant.identity === lead.identity) ctx.shutdown('lead hung up');
    });

    const hangUp = async (run: voice.RunContext, say?: string) => {
      // Let the sentence before the tool call finish, then say the tool's own last words.
      await run.waitForPlayout();
      if (say) await run.session.say(say, { allowInterruptions: false }).waitForPlayout();
      call.agentHungUp = true;
      ctx.shutdown(call.state.endedReason ?? 'agent ended the call');
    };

    const agent = new voice.Agent({
      instructions: buildInstructions(meta, { now: new Date() }),
      tools: callTools(meta, call, hangUp),
    });
    await session.start({ agent, room: ctx.room, inputOptions: { participantIdentity: lead.identity } });
    await openUnlessLeadSpeaks(session, meta, env.LEAD_FIRST_WORDS_MS);
  },
});

function callTools(meta: DispatchMetadata, call: LiveCall, hangUp: (run: voice.RunContext, say?: string) => Promise<void>) {
  const criteria = meta.qualification_criteria.criteria;
  const fields = [...new Set(criteria.map((c) => c.field))];

  const act = async (outcome: ToolOutcome, run: voice.RunContext): Promise<string> => {
    call.state = outcome.state;
    switch (outcome.kind) {
      case 'continue':
        return outcome.reply;
      case 'rejected':
        throw new llm.ToolError(outcome.error);
      case 'hang_up':
        await hangUp(run, outcome.say);
        // The call is over: the model must not start another sentence.
        throw new voice.StopResponse();
    }
  };

  return {
    record_answer: llm.tool({
      description: "Record the lead's answer to one of the qualification questions, as soon as they give it.",
      parameters: z.object({
        field: z.string().describe(`The question's field: one of ${fields.join(', ') || '(none)'}`),
        value: z.string().describe('Their answer: digits for numbers (50000), yes or no for yes/no questions, comma-separated items for lists, else a short phrase'),
      }),
      execute: async ({ field, value }, { ctx }) => act(recordAnswer(call.state, criteria, { field, value }), ctx),
    }),
    detected_answering_machine: llm.tool({
      description: 'Call this when a voicemail greeting, automated message or beep answers instead of a person. Say nothing before calling it.',
      execute: async (_args, { ctx }) => act(detectedAnsweringMachine(call.state, meta), ctx),
    }),
    opt_out: llm.tool({
      description: 'Call this at once when the lead asks not to be called again or to be removed from the list. It says the goodbye and hangs up.',
      execute: async (_args, { ctx }) => act(optOut(call.state), ctx),
    }),
    schedule_callback: llm.tool({
      description: 'Record when the lead wants to be called back.',
      parameters: z.object({
        when: z.string().describe("An ISO 8601 date-time in the lead's local time (2025-06-03T15:00), or the lead's own words (tomorrow afternoon)"),
      }),
      execute: async ({ when }, { ctx }) => act(scheduleCallback(call.state, { when }, { now: new Date(), timeZone: zoneOrUtc(meta.lead_timezone) }), ctx),
    }),
    end_call: llm.tool({
      description: 'Hang up once you have said goodbye.',
      parameters: z.object({ reason: z.enum(endReasons).describe('How the conversation ended') }),
      execute: async ({ reason }, { ctx }) => act(endCall(call.state, { reason }), ctx),
    }),
  };
}

/** The app dials after dispatching the agent, so the lead's participant appears while it still rings. */
function waitForAnswer(room: Room, lead: RemoteParticipant): Promise<void> {
  if (isAnswered(lead.attributes)) return Promise.resolve();
  return new Promise((resolve) => {
    const onChange = (_changed: Record<string, string>, participant: { identity: string; attributes: Record<string, string> }) => {
      if (participant.identity !== lead.identity || !isAnswered(participant.attributes)) return;
      room.off(RoomEvent.ParticipantAttributesChanged, onChange);
      resolve();
    };
    // An unanswered call ends with the app deleting the room, which shuts this job down.
    room.on(RoomEvent.ParticipantAttributesChanged, onChange);
  });
}

/**
 * People answer with "hello?"; voicemail answers with a greeting. Give the lead a moment to speak
 * first (the model then replies with the opening, or spots the machine); if they stay silent, open.
 */
async function openUnlessLeadSpeaks(session: voice.AgentSession, meta: DispatchMetadata, waitMs: number): Promise<void> {
  const spoke = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => done(false), waitMs);
    const onUserState = (event: voice.UserStateChangedEvent) => {
      if (event.newState === 'speaking') done(true);
    };
    function done(result: boolean) {
      clearTimeout(timer);
      session.off(voice.AgentSessionEventTypes.UserStateChanged, onUserState);
      resolve(result);
    }
    session.on(voice.AgentSessionEventTypes.UserStateChanged, onUserState);
  });
  if (!spoke) session.say(openingLine(meta), { allowInterruptions: !meta.recording_disclosure });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  cli.runApp(new ServerOptions({ agent: fileURLToPath(import.meta.url), agentName: env.LIVEKIT_AGENT_NAME }));
}
