// GET /api/campaigns/:id/compliance/export – every call's compliance evidence as CSV, streamed
import { withUser } from '@/lib/api/handler';
import { getCampaignOrThrow } from '@/lib/services/campaigns';
import { exportEvidenceCsv } from '@/lib/services/compliance';

export const GET = withUser(async ({ db, params, user }) => {
  const campaign = await getCampaignOrThrow(db, { userId: user.id, campaignId: params.id });
  const lines = exportEvidenceCsv(db, { campaignId: campaign.id });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const filename = `compliance-${campaign.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.csv`;
  return new Response(body, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` } });
});
