// POST /api/qualification/preview – score a transcript against draft criteria, storing nothing
import { jsonBody, withUser } from '@/lib/api/handler';
import { parseOrThrow } from '@/lib/errors';
import { previewQualification, previewQualificationBody } from '@/lib/services/qualification';

export const POST = withUser(
  async ({ req }) => previewQualification(parseOrThrow(previewQualificationBody, await jsonBody(req))),
  // Stores nothing: viewers may preview.
  { can: 'read' },
);
