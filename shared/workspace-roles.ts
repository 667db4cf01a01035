// The workspace roles, weakest first: each may do everything the ones before it may.
// owner: everything, and the members; manager: campaigns, leads, start/stop, DNC, listen-in, exports; viewer: reads only.
// The one rule of who may do what: the API's `withUser` checks it (lib/api/handler.ts) and the dashboard hides
// what it would refuse (`useCan` in lib/client/queries/workspaces.ts).
export const WORKSPACE_ROLES = ['viewer', 'manager', 'owner'] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

export function roleAtLeast(role: WorkspaceRole, needed: WorkspaceRole): boolean {
  return WORKSPACE_ROLES.indexOf(role) >= WORKSPACE_ROLES.indexOf(needed);
}

/** What a member may do in a workspace, and the least role each needs. */
export const WORKSPACE_ACTIONS = {
  /** Any read: campaigns, leads, calls, analytics, the DNC list, blackouts, members, webhooks. */
  read: 'viewer',
  /** Any other write a route does not name (the default of a non-GET route). */
  write: 'manager',
  /** Create, edit, clone and delete campaigns. */
  'campaigns.edit': 'manager',
  /** Start, pause, resume and stop. */
  'campaigns.run': 'manager',
  /** Add, import, edit and erase leads. */
  'leads.edit': 'manager',
  'dnc.edit': 'manager',
  'blackouts.edit': 'manager',
  /** CSV exports of calls, leads and compliance evidence (they hold personal data). */
  'data.export': 'manager',
  'calls.listen': 'manager',
  'api_keys.manage': 'manager',
  'webhooks.manage': 'owner',
  /** Add, invite, change and remove members; rename the workspace. */
  'team.manage': 'owner',
  'audit.read': 'owner',
} as const satisfies Record<string, WorkspaceRole>;
export type WorkspaceAction = keyof typeof WORKSPACE_ACTIONS;

export function roleFor(action: WorkspaceAction): WorkspaceRole {
  return WORKSPACE_ACTIONS[action];
}

/** Whether a member with this role may do this. */
export function can(role: WorkspaceRole, action: WorkspaceAction): boolean {
  return roleAtLeast(role, roleFor(action));
}

/** The request header that names the workspace a request acts in (else the user's active one). */
export const WORKSPACE_HEADER = 'x-workspace-id';
