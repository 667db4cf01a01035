// POST /api/compliance/check – may this number (or each of a batch of up to 1,000) be called now, or at `at`?
import { jsonBody, withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { checkNumbers, parseCheckBody } from '@/lib/services/compliance';

export const POST = withUser(
  async ({ db, req, workspace }) => {
    const { batch, checks } = parseCheckBody(await jsonBody(req));
    const results = await checkNumbers(db, { workspaceId: workspace.id, checks, now: appClock().now(), fieldPrefix: batch ? (i) => `checks.${i}.` : undefined });
    return batch ? { results } : results[0];
  },
  // A question, not a write: viewers may ask it.
  { can: 'read' },
);
