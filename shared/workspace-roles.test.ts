import { describe, expect, it } from 'vitest';
import { assertRole } from '@/lib/services/workspaces/access';
import { roleAtLeast, type WorkspaceRole } from './workspace-roles';

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
