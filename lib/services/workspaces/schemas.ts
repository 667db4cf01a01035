import { z } from 'zod';
import { WORKSPACE_ROLES } from '@/shared/workspace-roles';

export const workspaceRoleSchema = z.enum(WORKSPACE_ROLES, { message: `role must be one of ${WORKSPACE_ROLES.join(', ')}` });
export const addMemberBody = z.object({ email: z.email({ message: 'email is not a valid email address' }).max(320), role: workspaceRoleSchema });
export type AddMemberBody = z.infer<typeof addMemberBody>;
// Any string: a token that names no invitation is a 404, whatever its shape.
export const acceptInvitationBody = z.object({ token: z.string({ message: 'token is required' }).trim().min(1, { message: 'token is required' }).max(200, { message: 'token is at most 200 characters' }) });
export const updateMemberBody = z.object({ role: workspaceRoleSchema });
export const memberParams = z.object({ userId: z.string().min(1).max(200) });
const workspaceName = z.string({ message: 'name is required' }).trim().min(1, { message: 'name is required' }).max(100, { message: 'name is at most 100 characters' });
export const createWorkspaceBody = z.object({ name: workspaceName });
export type CreateWorkspaceBody = z.infer<typeof createWorkspaceBody>;
export const renameWorkspaceBody = z.object({ name: workspaceName });
