'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/client/api';
import { queryKeys } from '@/lib/client/query-keys';
import type { InvitationAccepted, MemberAdded, TeamInvitation, TeamMember, Workspace, WorkspaceRole } from '@/lib/client/types';
import { can, type WorkspaceAction } from '@/shared/workspace-roles';
import { refreshAfterWrite } from '@/lib/client/refresh-after-write';

export function useWorkspaces() {
  return useQuery({ queryKey: queryKeys.workspaces, queryFn: () => apiFetch<{ items: Workspace[] }>('/api/workspaces') });
}

/** Switches the active workspace: everything cached belonged to the old one, so the whole cache goes. */
export function useActivateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<{ id: string }>(`/api/workspaces/${id}/activate`, { method: 'POST' }),
    onSuccess: () => queryClient.resetQueries(),
  });
}

export function useTeamMembers() {
  return useQuery({ queryKey: queryKeys.members, queryFn: () => apiFetch<{ items: TeamMember[]; invitations: TeamInvitation[] }>('/api/team/members') });
}

export function useAddMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: WorkspaceRole }) => apiFetch<MemberAdded>('/api/team/members', { method: 'POST', json: input }),
    // The form shows a field's error beside it and any other error as its own toast.
    meta: { toastErrors: false },
    onSuccess: () => refreshAfterWrite(queryClient, queryKeys.members),
  });
}

export function useChangeRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: WorkspaceRole }) => apiFetch<unknown>(`/api/team/members/${encodeURIComponent(userId)}`, { method: 'PATCH', json: { role } }),
    onSettled: () => refreshAfterWrite(queryClient, queryKeys.members),
  });
}

export function useRemoveMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => apiFetch<unknown>(`/api/team/members/${encodeURIComponent(userId)}`, { method: 'DELETE' }),
    onSuccess: () => refreshAfterWrite(queryClient, queryKeys.members),
  });
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<unknown>(`/api/team/invitations/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: () => refreshAfterWrite(queryClient, queryKeys.members),
  });
}

/** Accepts an invitation link's token; the user now acts in that workspace, so every cached read belonged to another. */
export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => apiFetch<InvitationAccepted>('/api/invitations/accept', { method: 'POST', json: { token } }),
    onSuccess: () => queryClient.resetQueries(),
  });
}

/** The user's role in the active workspace (undefined while loading). */
export function useActiveRole(): WorkspaceRole | undefined {
  return useWorkspaces().data?.items.find((w) => w.active)?.role;
}

/**
 * Whether the user may do this in the active workspace, by the rule the API checks (shared/workspace-roles.ts);
 * false while unknown. Screens hide or disable what the API would refuse with a 403.
 */
export function useCan(action: WorkspaceAction): boolean {
  const role = useActiveRole();
  return role ? can(role, action) : false;
}

/** Makes a shared workspace; the creator owns it and acts in it, so every cached read belonged to the old one. */
export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiFetch<Workspace>('/api/workspaces', { method: 'POST', json: { name } }),
    // The form shows a field's error beside it and any other error as its own toast.
    meta: { toastErrors: false },
    onSuccess: () => queryClient.resetQueries(),
  });
}

export function useRenameWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => apiFetch<{ id: string; name: string }>(`/api/workspaces/${id}`, { method: 'PATCH', json: { name } }),
    onSuccess: () => refreshAfterWrite(queryClient, queryKeys.workspaces),
  });
}
