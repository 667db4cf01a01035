import { describe, expect, it } from 'vitest';
import { assertRole } from '@/lib/services/workspaces/access';
import { can, roleAtLeast, roleFor, WORKSPACE_ACTIONS, WORKSPACE_ROLES, type WorkspaceAction, type WorkspaceRole } from './workspace-roles';

const table: [WorkspaceRole, WorkspaceRole, boolean][] = [
  ['viewer', 'viewer', true],
  ['viewer', 'manager', false],
  ['viewer', 'owner', false],
  ['manager', 'viewer', true],
  ['manager', 'manager', true],
  ['manager', 'owner', false],
  ['owner', 'viewer', true],
  ['owner', 'manager', true],
  ['owner', 'owner', true],
];

describe('a role reaches the ones below it', () => {
  it.each(table)('%s for a route needing %s: %s', (role, needed, allowed) => {
    expect(roleAtLeast(role, needed)).toBe(allowed);
    if (allowed) expect(() => assertRole({ role }, needed)).not.toThrow();
    else expect(() => assertRole({ role }, needed)).toThrow(`This needs the ${needed} role in this workspace; you are a ${role}`);
  });
});

describe('what each role may do', () => {
  const table: [WorkspaceAction, WorkspaceRole][] = [
    ['read', 'viewer'],
    ['write', 'manager'],
    ['campaigns.edit', 'manager'],
    ['campaigns.run', 'manager'],
    ['leads.edit', 'manager'],
    ['dnc.edit', 'manager'],
    ['blackouts.edit', 'manager'],
    ['data.export', 'manager'],
    ['calls.listen', 'manager'],
    ['api_keys.manage', 'manager'],
    ['webhooks.manage', 'owner'],
    ['team.manage', 'owner'],
    ['audit.read', 'owner'],
  ];
  it('every action is in the table', () => expect(table.map(([a]) => a).sort()).toEqual(Object.keys(WORKSPACE_ACTIONS).sort()));
  it.each(table)('%s needs %s, and every role above it', (action, least) => {
    expect(roleFor(action)).toBe(least);
    for (const role of WORKSPACE_ROLES) expect(can(role, action), role).toBe(roleAtLeast(role, least));
  });
  it('a viewer may only read', () => expect((Object.keys(WORKSPACE_ACTIONS) as WorkspaceAction[]).filter((a) => can('viewer', a))).toEqual(['read']));
});
