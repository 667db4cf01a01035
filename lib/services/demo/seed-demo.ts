// The embedded default's demo: a user who can sign in at once and owns a draft campaign with
// sample leads and windows that include now. Runs once; later starts find the user and stop.
import { sealLeadContext } from '@/lib/services/leads/lead-context';
import { eq } from 'drizzle-orm';
import { schema, type Db } from '@/db';
import { getAuth } from '@/lib/auth';
import { logger } from '@/lib/logger';
import { campaignConfig } from '@/lib/services/campaigns/config';
import { ensurePersonalWorkspace } from '@/lib/services/workspaces/personal-workspace';
import { demoLeads } from './demo-leads';
import { everyHourOfEveryDay } from '@/shared/contracts/campaign-config';

export const demoUser = { email: 'demo@example.com', password: 'demo-password', name: 'Demo User' };

export const demoCriteria = [
  { field: 'budget', type: 'number', operator: '>=', value: 10000, weight: 40, label: 'Budget of at least $10k' },
  { field: 'decision_maker', type: 'boolean', operator: '==', value: true, weight: 30, label: 'Talking to the decision maker' },
  { field: 'timeline', type: 'string', operator: 'in', value: ['immediate', 'within_month', 'within_quarter'], weight: 30, label: 'Buying this quarter' },
] as const;

export async function seedDemoData(db: Db, { now }: { now: Date }) {
  const [existing] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, demoUser.email));
  if (!existing) {
    const auth = await getAuth();
    const { user } = await auth.api.signUpEmail({ body: demoUser });
    const config = campaignConfig.parse({
      timezone: 'UTC',
      // Every hour of every day: each lead's own calling rules (its state's hours, zones, holidays) still apply.
      callWindows: everyHourOfEveryDay,
      maxCallsPerDay: 500,
      maxCallsPerLead: 3,
      maxConcurrentCalls: 5,
      qualificationCriteria: demoCriteria,
      minQualificationScore: 70,
      agentName: 'outbound-caller',
      scriptGuidance: 'Introduce yourself as Alex from Foundry Labs. Ask about their current tooling, budget, timeline and who signs off. Offer a 20-minute demo to qualified leads.',
      recordCalls: true,
      budget: 50,
      costPerMinute: 0.03,
      agentCostPerMinute: 0.02,
    });
    // Sign-up made the personal workspace (lib/auth.ts); ensured here too so the seed never depends on the hook's order.
    await ensurePersonalWorkspace(db, { user, now });
    const [workspace] = await db.select({ id: schema.workspaces.id }).from(schema.workspaces).where(eq(schema.workspaces.personalOf, user.id));
    await db.transaction(async (tx) => {
      const [campaign] = await tx
        .insert(schema.campaigns)
        .values({ workspaceId: workspace.id, createdBy: user.id, name: 'Demo: Q4 pipeline builder', description: 'Sample campaign with 50 fictional leads. Press Start to watch it call through the local LiveKit simulator.', config, createdAt: now, updatedAt: now })
        .returning();
      await tx.insert(schema.leads).values(demoLeads(50, now).map((l) => ({ ...l, context: sealLeadContext(l.context), campaignId: campaign.id, createdAt: now, updatedAt: now })));
    });
  }
  logger.info(`demo sign-in: ${demoUser.email} / ${demoUser.password}`);
  process.stdout.write(`\n  Demo user: ${demoUser.email}  password: ${demoUser.password}\n\n`);
}
