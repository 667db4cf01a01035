// A National Do Not Call Registry download onto the workspace's list: the file is bulk-loaded into a
// temporary table as it streams in, then moved into dnc_numbers by one set-based insert and the
// workspace's open leads on the list are marked by one update, all in one transaction.
import { sql } from 'drizzle-orm';
import { affectedRowsOf, isUniqueViolation, type Db, type Tx } from '@/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/services/audit';
import { Rejections } from '@/lib/services/leads/rejections';
import type { ImportDncResult } from './import-dnc';
import { markListedLeadsDoNotCall } from './mark-leads-do-not-call';
import { readRegistryNumbers } from './registry-file';
import { openRegistryStage, STAGE_TABLE } from './registry-stage';

export type ImportDncRegistryInput = { workspaceId: string; actorId?: string | null; file: AsyncIterable<Uint8Array>; reason?: string; now: Date };

export async function importDncRegistry(db: Db, { workspaceId, actorId = null, file, reason, now }: ImportDncRegistryInput): Promise<ImportDncResult> {
  return db.transaction(async (tx) => {
    const rejections = new Rejections();
    const counter = { lines: 0 };
    let staged = 0;
    const stage = await openRegistryStage(tx);
    try {
      for await (const chunk of readRegistryNumbers(file, rejections, counter)) {
        staged += chunk.numbers;
        await stage.write(chunk);
      }
      await stage.finish();
    } catch (error) {
      await stage.abort(error);
      throw error;
    }

    if (counter.lines === 0) throw new AppError('unprocessable', 'The file is empty: it needs one 10-digit number per line', { file: 'the file is empty' });
    const added = staged ? await insertStaged(tx, { workspaceId, reason: reason?.slice(0, 500) || null, now }) : 0;
    const leadsMarked = added ? await markListedLeadsDoNotCall(tx, { workspaceId, now }) : 0;
    const counts = { added, duplicates: staged - added, leadsMarked };
    await recordAudit(tx, { actorId, campaignId: null, action: 'dnc.imported', details: { ...counts, format: 'registry', rejected: rejections.total, totalRows: counter.lines }, at: now });
    return { format: 'registry', ...counts, rejected: rejections.list(), rejectedTotal: rejections.total, cleaned: [], totalRows: counter.lines };
  });
}

/**
 * Moves the staged numbers the workspace has not listed yet into dnc_numbers; returns how many.
 * The fast path is a plain insert in the file's order (a registry file comes sorted, so the
 * primary key grows at its right edge): no DISTINCT, whose hash scrambles the order, and no
 * ON CONFLICT, whose speculative insertion per row costs about twice a plain one. A number
 * repeated in the file, or added meanwhile by another writer (an opt-out during a call), makes
 * it fail on the primary key: then, from a savepoint, the insert that skips conflicts runs
 * instead, so the import still lands whole.
 */
async function insertStaged(tx: Tx, { workspaceId, reason, now }: { workspaceId: string; reason: string | null; now: Date }): Promise<number> {
  const stage = sql.raw(STAGE_TABLE);
  const columns = sql`insert into dnc_numbers (workspace_id, phone, reason, source, created_at)`;
  // drizzle hands postgres.js dates as strings it has formatted itself; here there is no column to say so.
  const at = sql`${now.toISOString()}::timestamptz`;
  try {
    return await tx.transaction(async (sp) =>
      affectedRowsOf(
        await sp.execute(sql`${columns}
          select ${workspaceId}, s.phone, ${reason}, 'import', ${at} from ${stage} s
          where not exists (select 1 from dnc_numbers d where d.workspace_id = ${workspaceId} and d.phone = s.phone)`),
      ),
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return affectedRowsOf(await tx.execute(sql`${columns} select ${workspaceId}, phone, ${reason}, 'import', ${at} from ${stage} on conflict do nothing`));
  }
}
