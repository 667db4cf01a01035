// Migration 0015 on a database that already holds data: migrated up to 0010 with two users' campaigns, leads,
// DNC numbers, notifications and blackouts, then to the latest. Every row lands in its owner's personal
// workspace, where the owner is the owner; workspace_id is NOT NULL everywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { migrate, rowsOf } from '@/db';
import { createTestDb, migrateUpTo, type TestDb } from '@/test/fixtures';

let db: TestDb;

const rows = async <T>(query: string) => rowsOf<T>(await db.db.execute(sql.raw(query)));
const users = ['u-ada', 'u-bo'];

beforeAll(async () => {
  db = await createTestDb({ migrated: false });
  await migrateUpTo(db, 10);
  // Data as the app stored it before workspaces: everything keyed by owner_id.
  for (const [i, id] of users.entries()) {
    await db.db.execute(sql.raw(`insert into "user" (id, name, email) values ('${id}', 'User ${i}', '${id}@example.com')`));
    for (let c = 0; c < 2; c++) {
      await db.db.execute(sql.raw(`insert into campaigns (id, owner_id, name, config) values ('00000000-0000-4000-8000-00000000${i}${c}00', '${id}', 'C ${i}.${c}', '{"timezone":"UTC","callWindows":[]}')`));
      await db.db.execute(sql.raw(`insert into leads (campaign_id, name, phone) values ('00000000-0000-4000-8000-00000000${i}${c}00', 'L', '+1415555010${i}')`));
    }
    // The same number on both users' lists: after the migration they are two workspaces' entries.
    await db.db.execute(sql.raw(`insert into dnc_numbers (owner_id, phone) values ('${id}', '+14155550199'), ('${id}', '+1415555018${i}')`));
    await db.db.execute(sql.raw(`insert into notifications (owner_id, kind, message) values ('${id}', 'paused_no_leads', 'm')`));
    await db.db.execute(sql.raw(`insert into compliance_blackouts (owner_id, region, starts_at, ends_at) values ('${id}', 'US-FL', now(), now() + interval '1 day')`));
  }
  await migrate(db);
}, 180_000);
afterAll(async () => db.drop());

describe('migration 0015 moves existing data into personal workspaces', () => {
  it('makes one personal workspace per user, owned and active', async () => {
    const ws = await rows<{ personal_of: string; name: string; user_id: string; role: string; activated: boolean }>(
      `select w.personal_of, w.name, m.user_id, m.role::text as role, m.activated_at is not null as activated from workspaces w join workspace_members m on m.workspace_id = w.id order by w.personal_of`,
    );
    expect(ws).toEqual(users.map((id, i) => ({ personal_of: id, name: `User ${i}'s workspace`, user_id: id, role: 'owner', activated: true })));
  });

  it("puts every campaign, DNC number, notification and blackout in its owner's workspace", async () => {
    const wrong = await rows<{ n: number }>(`
      select (select count(*) from campaigns c join workspaces w on w.id = c.workspace_id where w.personal_of is distinct from c.created_by)::int
           + (select count(*) from campaigns where workspace_id is null or created_by is null)::int as n`);
    expect(wrong[0].n).toBe(0);
    for (const table of ['campaigns', 'dnc_numbers', 'notifications', 'compliance_blackouts']) {
      const perUser = await rows<{ personal_of: string; n: number }>(`select w.personal_of, count(*)::int as n from ${table} t join workspaces w on w.id = t.workspace_id group by w.personal_of order by w.personal_of`);
      const expected = { campaigns: 2, dnc_numbers: 2, notifications: 1, compliance_blackouts: 1 }[table];
      expect(perUser, table).toEqual(users.map((id) => ({ personal_of: id, n: expected })));
    }
    // Leads follow their campaign.
    const leads = await rows<{ n: number }>(`select count(*)::int as n from leads l join campaigns c on c.id = l.campaign_id join workspaces w on w.id = c.workspace_id where w.personal_of is not null`);
    expect(leads[0].n).toBe(4);
  });

  it('workspace_id is NOT NULL with its indexes, and the owner columns are gone', async () => {
    const columns = await rows<{ table_name: string; column_name: string; is_nullable: string }>(
      `select table_name, column_name, is_nullable from information_schema.columns where table_schema = 'public' and table_name in ('campaigns','dnc_numbers','notifications','compliance_blackouts') and column_name in ('workspace_id','owner_id') order by table_name`,
    );
    expect(columns).toEqual(['campaigns', 'compliance_blackouts', 'dnc_numbers', 'notifications'].map((t) => ({ table_name: t, column_name: 'workspace_id', is_nullable: 'NO' })));
    const indexes = (await rows<{ indexname: string }>(`select indexname from pg_indexes where schemaname = 'public'`)).map((r) => r.indexname);
    expect(indexes).toEqual(expect.arrayContaining(['campaigns_workspace_status_idx', 'notifications_workspace_idx', 'compliance_blackouts_workspace_idx', 'dnc_numbers_workspace_id_phone_pk', 'workspace_members_user_idx']));
  });
});
