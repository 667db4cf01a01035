// The staging tables an import's leads are bulk-loaded into, one per chunk, and the one set-based
// statement per chunk that moves them into `leads`. On Postgres a chunk goes by `COPY … FROM STDIN`;
// PGlite runs in this process and takes the same COPY text through its /dev/blob COPY. The tables
// are temporary (no WAL, no indexes) and dropped at commit.
import { sql } from 'drizzle-orm';
import type { Writable } from 'node:stream';
import { driverClientOf, isUniqueViolation, rowsOf, type Queryable, type Tx } from '@/db';
import { numberOnDnc, numbersOnDnc, workspaceHasHashedDnc } from '@/lib/services/dnc/lead-on-dnc';
import type { LeadDraft } from './lead-from-record';

export const LEAD_STAGE_TABLE = 'lead_import_stage';
const columns = 'n, name, phone, company, email, timezone, state, consent_at, consent_source, consent_text, context, dnc_keys';

/** One chunk's staging table: temporary, no indexes, dropped at commit. */
export const createStageTableSql = (table: string) =>
  `create temp table ${table} (n integer not null, name text not null, phone text not null, company text, email text, timezone text, state text,
     consent_at timestamptz, consent_source text, consent_text text, context text not null, dnc_keys text[]) on commit drop`;

export type StageCounts = { inserted: number; duplicates: number; dnc: number };

export type LeadStage = {
  /** Loads one chunk of COPY text (lines made by copyLine, UTF-8), then merges it into the campaign's leads. */
  mergeChunk(text: Uint8Array, lines: number): Promise<StageCounts>;
};

export async function openLeadStage(tx: Tx, { campaignId, workspaceId, now }: { campaignId: string; workspaceId: string; now: Date }): Promise<LeadStage> {
  const client = driverClientOf(tx);
  // For the import's transaction only. The merge's plan is costed high (a probe per staged row), so Postgres
  // would JIT-compile it afresh for every chunk (46-113 ms each, measured) to run it once; and a chunk's sort and
  // materialised rows (about 6 MB) would spill to disk at the default 4 MB of work_mem.
  await tx.execute(sql.raw(`select set_config('jit', 'off', true), set_config('work_mem', '32MB', true)`));
  let chunks = 0;
  // Once a chunk has met a number already in the campaign, the rest go the careful way at once.
  let conflictsSeen = false;

  // A table per chunk, left to the commit to drop: truncating or dropping one costs ~45 ms each time.
  const load = async (table: string, text: Uint8Array) => {
    await tx.execute(sql.raw(createStageTableSql(table)));
    if (client.driver === 'postgres') {
      const copy: Writable = await client.sql.unsafe(`copy ${table} (${columns}) from stdin`).writable();
      await new Promise<void>((resolve, reject) => {
        copy.once('error', reject);
        copy.once('finish', resolve);
        copy.end(text);
      });
    } else {
      await client.pg.query(`copy ${table} (${columns}) from '/dev/blob'`, [], { blob: new Blob([new Uint8Array(text.buffer, text.byteOffset, text.byteLength) as Uint8Array<ArrayBuffer>]) });
    }
  };

  const at = now.toISOString();
  // One statement: each staged row is probed once against the workspace's DNC list (the list's own rule,
  // lib/services/dnc), and by its hashes only when the list holds hashed entries (asked once, in the same
  // snapshot as the probes); the rest go in file order. created_at steps a microsecond per row so the queue
  // and the leads table keep the file's order.
  const merge = async (db: Queryable, table: string, skipConflicts: boolean) => {
    const [counts] = rowsOf<{ staged: number; dnc: number; inserted: number }>(
      await db.execute(sql`
        with staged as materialized (
          select s.*, ${numberOnDnc(workspaceId, sql`s.phone`)} or (s.dnc_keys is not null and ${workspaceHasHashedDnc(workspaceId)} and ${numbersOnDnc(workspaceId, sql`s.dnc_keys`)}) as on_dnc from ${sql.raw(table)} s
        ), added as (
          insert into leads (campaign_id, name, phone, company, email, timezone, state, consent_at, consent_source, consent_text, context, created_at, updated_at)
          select ${campaignId}::uuid, name, phone, company, email, timezone, state, consent_at, consent_source, consent_text, context,
                 ${at}::timestamptz + n * interval '1 microsecond', ${at}::timestamptz
          from staged where not on_dnc order by n
          ${skipConflicts ? sql`on conflict (campaign_id, phone) do nothing` : sql``}
          returning 1
        )
        select (select count(*) from staged)::int as staged, (select count(*) from staged where on_dnc)::int as dnc, (select count(*) from added)::int as inserted`),
    );
    return { inserted: counts.inserted, dnc: counts.dnc, duplicates: counts.staged - counts.dnc - counts.inserted };
  };

  return {
    async mergeChunk(text, lines) {
      if (lines === 0) return { inserted: 0, duplicates: 0, dnc: 0 };
      const table = `${LEAD_STAGE_TABLE}_${++chunks}`;
      await load(table, text);
      // The fast way is a plain insert: ON CONFLICT's speculative insertion costs about a third more
      // per row. A number already in the campaign (from this file or before) fails it on the unique
      // (campaign_id, phone) index; then, from the savepoint, the insert that skips conflicts runs.
      if (!conflictsSeen) {
        try {
          return await tx.transaction((sp) => merge(sp, table, false));
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          conflictsSeen = true;
        }
      }
      return merge(tx, table, true);
    },
  };
}

/**
 * One lead as a line of COPY text (tab-separated, \N for null), `n` its place among the file's leads.
 * `dncKeys`: the keyed hashes the number may be listed under (an erased lead's opt-out), when the workspace has any.
 */
export function copyLine(n: number, lead: LeadDraft, dncKeys: readonly string[] | null): string {
  return `${n}\t${copyText(lead.name)}\t${lead.phone}\t${copyNullable(lead.company)}\t${copyNullable(lead.email)}\t${copyNullable(lead.timezone)}\t${copyNullable(lead.state)}\t${
    lead.consentAt ? lead.consentAt.toISOString() : '\\N'
  }\t${copyNullable(lead.consentSource)}\t${copyNullable(lead.consentText)}\t${copyText(lead.context)}\t${dncKeys ? `{${dncKeys.join(',')}}` : '\\N'}\n`;
}

const needsEscape = /[\\\t\n\r]/;
const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function copyText(value: string): string {
  return needsEscape.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => escapes[c]) : value;
}

function copyNullable(value: string | null): string {
  return value === null ? '\\N' : copyText(value);
}
