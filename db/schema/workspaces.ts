// Workspaces own the product's data (campaigns and through them leads and calls, the DNC list, blackouts,
// notifications); users take part in them through a membership with a role (docs/decisions/016-workspaces-own-tables.md).
import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { WORKSPACE_ROLES } from '@/shared/workspace-roles';

// In order of power: each role may do everything the ones before it may. The vocabulary lives in shared/workspace-roles.ts.
export const workspaceRole = pgEnum('workspace_role', WORKSPACE_ROLES);

export const workspaces = pgTable(
  'workspaces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    // The user this workspace was made for at sign-up (one each); null for a workspace made later, or once that user is gone.
    personalOf: text('personal_of').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('workspaces_personal_of_uq').on(t.personalOf)],
);

export const workspaceMembers = pgTable(
  'workspace_members',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: workspaceRole('role').notNull(),
    // The user's active workspace is the membership activated last (POST /api/workspaces/:id/activate).
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index('workspace_members_user_idx').on(t.userId, t.activatedAt)],
);

// An invitation for an email with no account yet, accepted through its link (POST /api/invitations/accept) by the
// signed-in user with that email: the link's token is stored only as its SHA-256 (migration 0022). Rows from before
// 0022 have neither token nor expiry, so nothing accepts them.
export const workspaceInvitations = pgTable(
  'workspace_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    email: text('email').notNull(), // lower-cased
    role: workspaceRole('role').notNull(),
    invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    tokenHash: text('token_hash'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('workspace_invitations_open_uq').on(t.workspaceId, t.email).where(sql`accepted_at is null`),
    index('workspace_invitations_email_idx').on(t.email),
    uniqueIndex('workspace_invitations_token_hash_uq').on(t.tokenHash),
  ],
);
