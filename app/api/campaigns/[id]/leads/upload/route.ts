// POST /api/campaigns/:id/leads/upload – import leads from a CSV: multipart field `file` (one), and
// optional fields `mapping` (JSON { "<csv header>": "<target>" }) and `defaultRegion` (e.g. GB);
// sent before the file, the file streams straight into the import. With `Accept: application/x-ndjson`
// the answer streams progress lines, then the report (lib/api/progress-lines.ts).
import { withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { parseOrThrow } from '@/lib/errors';
import { withUpload } from '@/lib/api/multipart-upload';
import { withProgressLines } from '@/lib/api/progress-lines';
import { importLeads, uploadFields, type ImportLeadsResult, type ImportProgress } from '@/lib/services/leads';

export const POST = withUser(async ({ db, req, params, user, workspace }) =>
  withProgressLines<ImportProgress, ImportLeadsResult>(req, (onProgress) =>
    withUpload(req, { fileField: 'file', maxFileBytes: env.CSV_MAX_BYTES, controlFields: ['mapping', 'defaultRegion'] }, async (upload) => {
      const { mapping, defaultRegion } = parseOrThrow(uploadFields, upload.fields);
      return importLeads(db, { workspaceId: workspace.id, userId: user.id, campaignId: params.id, csv: upload.file, mapping, defaultRegion, maxRows: env.CSV_MAX_ROWS, now: appClock().now(), onProgress });
    }),
  ),
);
