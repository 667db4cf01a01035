// Shared set-up for engine tests: a campaign, many leads in several zones, and a deterministic
// mix of call outcomes keyed by lead and attempt.
import crypto from 'node:crypto';
import { eq, or, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { schema, type Db } from '@/db';
import { campaignConfig, type CampaignConfig } from '@/lib/services/campaigns/config';
import type { Scenario } from '@/test/in-process-telephony';
import type { CallContext } from '@/lib/telephony/types';
import { checkCompliance } from '@/lib/services/compliance';

/**
 * A user with a personal workspace they own. In fixtures the workspace's id is the user's own (both are UUIDs),
 * so a test may pass the returned id wherever a workspace id goes; sign-up makes a workspace with an id of its own.
 */
export async function insertUser(db: Db, name = 'Engine Owner') {
  const id = crypto.randomUUID();
  await db.insert(schema.users).values({ id, name, email: `${id}@example.com` });
  await insertPersonalWorkspace(db, id);
  return id;
}

export async function insertPersonalWorkspace(db: Db, userId: string, workspaceId = userId) {
  await db.insert(schema.workspaces).values({ id: workspaceId, name: 'Engine workspace', personalOf: userId });
  await db.insert(schema.workspaceMembers).values({ workspaceId, userId, role: 'owner', activatedAt: new Date() });
  return workspaceId;
}

/**
 * A campaign of the workspace. A user's id names their personal workspace: from insertUser it is the same id,
 * and a signed-up user's id is looked up (so `insertCampaign(db, user.id)` is that user's campaign either way).
 */
export async function insertCampaign(db: Db, workspaceOrUserId: string, overrides: Partial<CampaignConfig> = {}, status: 'draft' | 'active' = 'active') {
  const [owned] = await db
    .select({ id: schema.workspaces.id })
    .from(schema.workspaces)
    .where(or(sql`${schema.workspaces.id}::text = ${workspaceOrUserId}`, eq(schema.workspaces.personalOf, workspaceOrUserId)))
    .orderBy(sql`${schema.workspaces.id}::text = ${workspaceOrUserId} desc`)
    .limit(1);
  const workspaceId = owned?.id ?? workspaceOrUserId;
  const config = campaignConfig.parse({
    timezone: 'America/New_York',
    callWindows: [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, startHour: 9, endHour: 20 })),
    maxCallsPerDay: 1000,
    maxCallsPerLead: 3,
    maxConcurrentCalls: 20,
    qualificationCriteria: [
      { field: 'budget', type: 'number', operator: '>=', value: 10000, weight: 50 },
      { field: 'decision_maker', type: 'boolean', operator: '==', value: true, weight: 50 },
    ],
    minQualificationScore: 70,
    ...overrides,
  });
  const [row] = await db.insert(schema.campaigns).values({ workspaceId, name: 'Engine test', config, status }).returning();
  return row;
}

/**
 * A lead's own consent record: under the default basis (prior express written consent) a lead without one is
 * held as needs_consent and never called, so test leads meant to be called carry one, as real leads must.
 */
export const leadConsent = {
  consentAt: new Date('2025-11-03T15:04:05Z'),
  consentSource: 'web form https://example.com/demo-request (checkbox: AI-voice calls)',
};

// Area codes across the US zones, plus numbers abroad.
const areaCodes = ['212', '617', '312', '214', '303', '602', '415', '206'];

export function leadPhone(i: number): string {
  if (i % 25 === 0) return `+44207946${String(i % 10000).padStart(4, '0')}`;
  const area = areaCodes[i % areaCodes.length];
  const exchange = 200 + (Math.floor(i / 10000) % 700);
  return `+1${area}${exchange}${String(i % 10000).padStart(4, '0')}`;
}

export async function insertLeads(db: Db, campaignId: string, count: number, from = 0) {
  const rows = Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return {
      campaignId,
      name: `Lead ${i}`,
      company: `Company ${i % 50}`,
      phone: leadPhone(i),
      // Every tenth lead states its own zone, which wins over its number's.
      timezone: i % 10 === 0 ? 'America/Los_Angeles' : null,
      ...leadConsent,
      createdAt: new Date(Date.UTC(2026, 0, 1) + i),
    };
  });
  for (let i = 0; i < rows.length; i += 1000) await db.insert(schema.leads).values(rows.slice(i, i + 1000));
  return db.select().from(schema.leads).where(eq(schema.leads.campaignId, campaignId));
}

const qualifiedTranscript = [
  { speaker: 'agent' as const, text: 'Hi, this is Alex from Foundry Labs. Do you have a minute?' },
  { speaker: 'lead' as const, text: 'Sure, go ahead.' },
  { speaker: 'agent' as const, text: 'What budget do you have set aside for this?' },
  { speaker: 'lead' as const, text: 'We have about fifty thousand dollars for it this year.' },
  { speaker: 'agent' as const, text: 'And who makes the final decision?' },
  { speaker: 'lead' as const, text: 'That would be me, I sign off on purchases like this.' },
];

const unqualifiedTranscript = [
  { speaker: 'agent' as const, text: 'Hi, this is Alex from Foundry Labs. What budget do you have for this?' },
  { speaker: 'lead' as const, text: 'Honestly maybe two thousand dollars, and I would need to ask my boss.' },
];

const optOutTranscript = [
  { speaker: 'agent' as const, text: 'Hi, this is Alex from Foundry Labs.' },
  { speaker: 'lead' as const, text: 'Please take me off your list and do not call me again.' },
];

export function hashOf(text: string): number {
  return crypto.createHash('sha256').update(text).digest().readUInt32BE(0) / 0xffffffff;
}

/** A realistic mix: about a third answered (qualified, unqualified, opt-out, voicemail), the rest not. */
export function mixedOutcomes(call: CallContext): Scenario {
  const r = hashOf(`${call.lead.id}:${call.attemptNumber}`);
  if (r < 0.1) return { kind: 'answered', transcript: qualifiedTranscript, durationSeconds: 240 };
  if (r < 0.2) return { kind: 'answered', transcript: unqualifiedTranscript, durationSeconds: 120 };
  if (r < 0.25) return { kind: 'answered', transcript: optOutTranscript, optOut: true, durationSeconds: 20 };
  if (r < 0.32) return { kind: 'answered', transcript: [{ speaker: 'lead', text: "Hi, you've reached Sam, leave a message after the tone." }], answeringMachine: true, durationSeconds: 25 };
  if (r < 0.67) return { kind: 'no_answer' };
  if (r < 0.77) return { kind: 'busy' };
  if (r < 0.83) return { kind: 'failed' };
  if (r < 0.86) return { kind: 'invalid_number' };
  return { kind: 'no_answer' };
}

export { qualifiedTranscript, unqualifiedTranscript, optOutTranscript };

/**
 * Places (a number prefix and its zone) where the compliance check allows a call now and for the next ten
 * minutes, so every lead may lawfully be called during the test whenever it runs. The number decides the
 * lead's zones (a declared zone only adds to them), so each lead gets a number of its zone's own place.
 */
const daytimeCandidates: { prefix: string; zone: string }[] = [
  { prefix: '+1212555', zone: 'America/New_York' },
  { prefix: '+1312555', zone: 'America/Chicago' },
  { prefix: '+1415555', zone: 'America/Los_Angeles' },
  { prefix: '+1808555', zone: 'Pacific/Honolulu' },
  { prefix: '+44207946', zone: 'Europe/London' },
  { prefix: '+4930901', zone: 'Europe/Berlin' },
  { prefix: '+91224000', zone: 'Asia/Kolkata' },
  { prefix: '+8135550', zone: 'Asia/Tokyo' },
  { prefix: '+9714330', zone: 'Asia/Dubai' },
];

export function daytimePlaces(now: Date): { prefix: string; zone: string }[] {
  return daytimeCandidates.filter(({ prefix, zone }) =>
    [0, 10].every((minutes) => {
      const at = new Date(now.getTime() + minutes * 60_000);
      return checkCompliance({ phone: `${prefix}0100`, declaredTimezone: zone, at }).allowed && DateTime.fromJSDate(at, { zone }).hour < 20;
    }),
  );
}
