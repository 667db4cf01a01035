// Migration 0017 on a database that already holds audit rows: migrated up to 0015 with two users' campaigns and
// their trail, then to the latest. Each row gets the workspace it names, else its campaign's, else its actor's
// personal one; campaign_id loses its foreign key, so deleting a campaign keeps its rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { migrate, rowsOf } from '@/db';
import { createTestDb, migrateUpTo, type TestDb } from '@/test/fixtures';

let db: TestDb;

const rows = async <T>(query: string) => rowsOf<T>(await db.db.execute(sql.raw(query)));
const campaign = '00000000-0000-4000-8000-000000000100';
const teamWorkspace = '00000000-0000-4000-8000-0000000000aa';

beforeAll(async () => {
  db = await createTestDb({ migrated: false });
  await migrateUpTo(db, 15);
  for (const id of ['u-ada', 'u-bo']) {
    await db.db.execute(sql.raw(`insert into "user" (id, name, email) values ('${id}', '${id}', '${id}@example.com')`));
    await db.db.execute(sql.raw(`insert into workspaces (name, personal_of) values ('${id}''s', '${id}')`));
  }
  await db.db.execute(sql.raw(`insert into workspaces (id, name) values ('${teamWorkspace}', 'Team')`));
  await db.db.execute(sql.raw(`insert into campaigns (id, workspace_id, created_by, name, config) select '${campaign}', id, 'u-ada', 'C', '{"timezone":"UTC","callWindows":[]}' from workspaces where personal_of = 'u-ada'`));
  // u-bo acts on u-ada's campaign (a member of her workspace); a member change names the team workspace; a DNC add names no campaign.
  await db.db.execute(
    sql.raw(`insert into audit_log (actor_id, campaign_id, action, details) values
      ('u-bo', '${campaign}', 'campaign.start', null),
      (null, '${campaign}', 'campaign.paused', null),
      ('u-bo', null, 'member.added', '{"workspaceId":"${teamWorkspace}"}'),
      ('u-bo', null, 'dnc.added', '{"phone":"+14155550100"}')`),
  );
  await migrate(db);
}, 180_000);
afterAll(async () => db.drop());

describe('migration 0017 makes the audit log a workspace trail that outlives its campaign', () => {
  it("backfills workspace_id from the row's workspace, its campaign's, or its actor's personal one", async () => {
    const got = await rows<{ action: string; workspace: string }>(
      `select a.action, coalesce(w.personal_of, w.name) as workspace from audit_log a join workspaces w on w.id = a.workspace_id order by a.id`,
    );
    expect(got).toEqual([
      { action: 'campaign.start', workspace: 'u-ada' },
      { action: 'campaign.paused', workspace: 'u-ada' },
      { action: 'member.added', workspace: 'Team' },
      { action: 'dnc.added', workspace: 'u-bo' },
    ]);
  });

  it("keeps a campaign's rows, with its id, when the campaign is deleted", async () => {
    await db.db.execute(sql.raw(`delete from campaigns where id = '${campaign}'`));
    const kept = await rows<{ n: number }>(`select count(*)::int as n from audit_log where campaign_id = '${campaign}'`);
    expect(kept[0].n).toBe(2);
    const fks = await rows<{ conname: string }>(`select conname from pg_constraint where conrelid = 'audit_log'::regclass and contype = 'f'`);
    expect(fks).toEqual([]);
    const indexes = (await rows<{ indexname: string }>(`select indexname from pg_indexes where tablename = 'audit_log'`)).map((r) => r.indexname);
    expect(indexes).toEqual(expect.arrayContaining(['audit_log_workspace_idx', 'audit_log_campaign_idx']));
  });
});
