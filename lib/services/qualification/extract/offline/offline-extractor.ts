// The deterministic extractor: every rule in this folder, run over the lead's words. It is the default
// when no OpenAI key is configured and the fallback whenever the AI fails.
import { coerceFieldValue, type ExtractedFields, type FieldValue } from '../../field-value';
import { fieldsOf, type CallSignals, type Extraction, type ExtractionRequest, type Extractor } from '../../extraction';
import { knownFieldKind, type KnownFieldKind } from '../../known-fields';
import { extractBudget } from './budget';
import { detectCallback } from './callback';
import { extractCurrentTool } from './current-tool';
import { extractDecisionMaker } from './decision-maker';
import { extractGenericField } from './generic-field';
import { readInterest, type Interest } from './interest';
import { detectOptOut } from './opt-out';
import { extractPainPoints } from './pain-points';
import { extractTeamSize } from './team-size';
import { extractTimeline } from './timeline';
import { leadUtterances, type LeadUtterance } from './utterances';
import { detectVoicemail } from './voicemail';
import { detectWrongNumber } from './wrong-number';

type Context = { utterances: LeadUtterance[]; now: Date; timeZone: string; interest: Interest };

const readers: Record<KnownFieldKind, (c: Context) => FieldValue> = {
  budget: (c) => extractBudget(c.utterances),
  timeline: (c) => extractTimeline(c.utterances, c.now, c.timeZone),
  team_size: (c) => extractTeamSize(c.utterances),
  // No pains named is "not said", so that `pain_points exists` is only met by a real one.
  pain_points: (c) => {
    const pains = extractPainPoints(c.utterances);
    return pains.length ? pains : null;
  },
  decision_maker: (c) => extractDecisionMaker(c.utterances),
  current_tool: (c) => extractCurrentTool(c.utterances),
  wants_demo: (c) => (c.interest.wantsDemo ? true : null),
  wants_proposal: (c) => (c.interest.wantsProposal ? true : null),
  interested: (c) => (c.interest.interested ? true : c.interest.notInterested ? false : null),
};

export function extractOffline({ transcript, criteria, now, timeZone }: ExtractionRequest): Extraction {
  const utterances = leadUtterances(transcript);
  const interest = readInterest(utterances);
  const context: Context = { utterances, now, timeZone, interest };

  const fields: ExtractedFields = {};
  for (const c of fieldsOf(criteria)) {
    const kind = knownFieldKind(c.field);
    const values = criteria.filter((x) => x.field === c.field).flatMap((x) => (Array.isArray(x.value) ? x.value : x.value === undefined ? [] : [x.value])).map(String);
    const raw = kind ? readers[kind](context) : extractGenericField(utterances, { field: c.field, type: c.type, label: c.label, values });
    fields[c.field] = coerceFieldValue(raw, c.type);
  }

  const callback = detectCallback(utterances, now, timeZone);
  const signals: CallSignals = {
    voicemail: detectVoicemail(utterances),
    wrongNumber: detectWrongNumber(utterances),
    optOut: detectOptOut(utterances),
    notInterested: interest.notInterested,
    callbackRequested: callback.requested,
    ...(callback.at ? { callbackAt: callback.at } : {}),
    wantsDemo: interest.wantsDemo,
    wantsProposal: interest.wantsProposal,
    interested: interest.interested,
  };
  return { fields, signals, scoredBy: 'offline' };
}

export const offlineExtractor: Extractor = {
  extract: async (request) => extractOffline(request),
};
