// Where a streamed lead import stands, after each chunk the database has taken: the `{"progress": …}` lines of
// POST /api/campaigns/:id/leads/upload with `Accept: application/x-ndjson`. The importer sends it, the browser reads it.
import { z } from 'zod';

const count = z.number().int().min(0);

/** `rows`: rows done, merged into the campaign (inserted, duplicates, DNC) or rejected. */
export const importProgress = z.object({ rows: count, inserted: count, duplicates: count, dnc: count, rejected: count });
export type ImportProgress = z.infer<typeof importProgress>;
