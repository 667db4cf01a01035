// The workspace roles, weakest first: each may do everything the ones before it may.
// owner: everything, and the members; manager: campaigns, leads, start/stop, DNC, listen-in, exports; viewer: reads only.
export const WORKSPACE_ROLES = ['viewer', 'manager', 'owner'] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

export function roleAtLeast(role: WorkspaceRole, needed: WorkspaceRole): boolean {
  return WORKSPACE_ROLES.indexOf(role) >= WORKSPACE_ROLES.indexOf(needed);
}

/** The request header that names the workspace a request acts in (else the user's active one). */
export const WORKSPACE_HEADER = 'x-workspace-id';
