// GET /api/dnc – the user's do-not-call list; POST – add one number (JSON) or a file of them
// (multipart `file`: a CSV or a National DNC Registry download; optional `reason`/`region`/`format`
// fields); DELETE – remove one number
import { jsonBody, queryOf, withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { AppError, parseOrThrow } from '@/lib/errors';
import { addDncBody, addToDnc, dncUploadFields, importDncFile, listDnc, listDncQuery, removeDncInput, removeFromDnc } from '@/lib/services/dnc';
import { withUpload } from '@/lib/api/multipart-upload';

export const GET = withUser(async ({ db, req, workspace }) => {
  const query = parseOrThrow(listDncQuery, queryOf(req), 'bad_request');
  return listDnc(db, { workspaceId: workspace.id, ...query });
});

export const POST = withUser(
  async ({ db, req, user, workspace }) => {
    const contentType = req.headers.get('content-type') ?? '';
    if (/^multipart\/form-data/i.test(contentType)) {
      return withUpload(req, { fileField: 'file', maxFileBytes: env.DNC_MAX_BYTES, controlFields: ['reason', 'region', 'format'] }, async (upload) => {
        const fields = parseOrThrow(dncUploadFields, upload.fields);
        return importDncFile(db, { workspaceId: workspace.id, actorId: user.id, file: upload.file, ...fields, maxCsvRows: env.CSV_MAX_ROWS, now: appClock().now() });
      });
    }
    if (!/^application\/json/i.test(contentType)) throw new AppError('unsupported_media_type', 'Send JSON { phone, reason? } or a file (CSV or registry download) as multipart/form-data in the field "file"');
    const input = parseOrThrow(addDncBody, await jsonBody(req));
    const { entry, added, leadsMarked } = await addToDnc(db, { workspaceId: workspace.id, actorId: user.id, ...input, source: 'manual', now: appClock().now() });
    return { ...entry, added, leadsMarked };
  },
  // A JSON add with an Idempotency-Key answers its retry the same; an upload refuses the header.
  { idempotent: true },
);

export const DELETE = withUser(async ({ db, req, user, workspace }) => {
  // A `+` in a query string arrives as a space: `?phone=+44…` reads as " 44…".
  const fromQuery = queryOf(req).phone?.replace(/^ (?=\d)/, '+');
  const input = parseOrThrow(removeDncInput, fromQuery ? { ...queryOf(req), phone: fromQuery } : await jsonBody(req));
  return removeFromDnc(db, { workspaceId: workspace.id, actorId: user.id, ...input, now: appClock().now() });
});
