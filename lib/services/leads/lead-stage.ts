// The staging table an import's leads are bulk-loaded into, one chunk at a time, and the one
// set-based statement per chunk that moves them into `leads`. On Postgres a chunk goes by
// `COPY … FROM STDIN`; PGlite runs in this process and takes the same COPY text through its
// /dev/blob COPY. The table is temporary (no WAL, no indexes) and dropped at commit.
import { sql } from 'drizzle-orm';
import type { Writable } from 'node:stream';
import { driverClientOf, rowsOf, type Tx } from '@/db';
import { numberOnDnc } from '@/lib/services/dnc/lead-on-dnc';
import type { LeadDraft } from './lead-from-record';

export const LEAD_STAGE_TABLE = 'lead_import_stage';
const columns = 'n, name, phone, company, email, timezone, state, consent_at, consent_source, consent_text, context';

export type StageCounts = { inserted: number; duplicates: number; dnc: number };

export type LeadStage = {
  /** Loads one chunk of COPY lines (see copyLine), then merges it into the campaign's leads. */
  mergeChunk(lines: readonly string[]): Promise<StageCounts>;
};

export async function openLeadStage(tx: Tx, { campaignId, ownerId, now }: { campaignId: string; ownerId: string; now: Date }): Promise<LeadStage> {
  const client = driverClientOf(tx);
  await tx.execute(
    sql.raw(`create temp table ${LEAD_STAGE_TABLE} (n integer not null, name text not null, phone text not null, company text, email text, timezone text, state text,
             consent_at timestamptz, consent_source text, consent_text text, context jsonb not null) on commit drop`),
  );

  const load = async (text: string) => {
    if (client.driver === 'postgres') {
      const copy: Writable = await client.sql.unsafe(`copy ${LEAD_STAGE_TABLE} (${columns}) from stdin`).writable();
      await new Promise<void>((resolve, reject) => {
        copy.once('error', reject);
        copy.once('finish', resolve);
        copy.end(text);
      });
    } else {
      await client.pg.query(`copy ${LEAD_STAGE_TABLE} (${columns}) from '/dev/blob'`, [], { blob: new Blob([text]) });
    }
  };

  const stage = sql.raw(LEAD_STAGE_TABLE);
  const at = now.toISOString();
  return {
    async mergeChunk(lines) {
      if (lines.length === 0) return { inserted: 0, duplicates: 0, dnc: 0 };
      await load(lines.join(''));
      // One statement: each staged row is probed once against the owner's DNC list (the list's own
      // rule, lib/services/dnc); the rest go in file order, and a number already in the campaign —
      // from this file or before — is left to the unique (campaign_id, phone) index. created_at steps
      // a microsecond per row so the queue and the leads table keep the file's order.
      const [counts] = rowsOf<{ staged: number; dnc: number; inserted: number }>(
        await tx.execute(sql`
          with staged as materialized (
            select s.*, ${numberOnDnc(ownerId, sql`s.phone`)} as on_dnc from ${stage} s
          ), added as (
            insert into leads (campaign_id, name, phone, company, email, timezone, state, consent_at, consent_source, consent_text, context, created_at, updated_at)
            select ${campaignId}::uuid, name, phone, company, email, timezone, state, consent_at, consent_source, consent_text, context,
                   ${at}::timestamptz + n * interval '1 microsecond', ${at}::timestamptz
            from staged where not on_dnc order by n
            on conflict (campaign_id, phone) do nothing
            returning 1
          )
          select (select count(*) from staged)::int as staged, (select count(*) from staged where on_dnc)::int as dnc, (select count(*) from added)::int as inserted`),
      );
      await tx.execute(sql`truncate ${stage}`);
      return { inserted: counts.inserted, dnc: counts.dnc, duplicates: counts.staged - counts.dnc - counts.inserted };
    },
  };
}

/** One lead as a line of COPY text (tab-separated, \N for null), `n` its place among the file's leads. */
export function copyLine(n: number, lead: LeadDraft): string {
  return `${n}\t${copyText(lead.name)}\t${lead.phone}\t${copyNullable(lead.company)}\t${copyNullable(lead.email)}\t${copyNullable(lead.timezone)}\t${copyNullable(lead.state)}\t${
    lead.consentAt ? lead.consentAt.toISOString() : '\\N'
  }\t${copyNullable(lead.consentSource)}\t${copyNullable(lead.consentText)}\t${copyText(JSON.stringify(lead.context))}\n`;
}

const needsEscape = /[\\\t\n\r]/;
const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function copyText(value: string): string {
  return needsEscape.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => escapes[c]) : value;
}

function copyNullable(value: string | null): string {
  return value === null ? '\\N' : copyText(value);
}
