// POST /api/campaigns/:id/leads/upload – import leads from a CSV: multipart field `file`, and an
// optional `mapping` field (JSON { "<csv header>": "<target>" }); sent before the file, the file
// streams straight into the import
import { getDb } from '@/db';
import { withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { parseOrThrow } from '@/lib/errors';
import { withUpload } from '@/lib/api/multipart-upload';
import { importLeads, uploadFields } from '@/lib/services/leads';

export const POST = withUser(async ({ req, params, user }) =>
  withUpload(req, { fileField: 'file', maxFileBytes: env.CSV_MAX_BYTES, controlFields: ['mapping'] }, async (upload) => {
    const { mapping } = parseOrThrow(uploadFields, upload.fields);
    return importLeads(await getDb(), { userId: user.id, campaignId: params.id, csv: upload.file, mapping, maxRows: env.CSV_MAX_ROWS, now: appClock().now() });
  }),
);
