// GET /api/campaigns/:id/calls/export – every call as CSV, streamed
import { withUser } from '@/lib/api/handler';
import { exportCallsCsv } from '@/lib/services/analytics';
import { getCampaignOrThrow } from '@/lib/services/campaigns';

export const GET = withUser(async ({ db, params, user }) => {
  const campaign = await getCampaignOrThrow(db, { userId: user.id, campaignId: params.id });
  const lines = exportCallsCsv(db, { campaignId: campaign.id });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const filename = `calls-${campaign.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.csv`;
  return new Response(body, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` } });
});
