'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/client/api';
import { queryKeys } from '@/lib/client/query-keys';
import type { TeamInvitation, TeamMember, Workspace, WorkspaceRole } from '@/lib/client/types';
import { roleAtLeast } from '@/shared/workspace-roles';

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
    mutationFn: (input: { email: string; role: WorkspaceRole }) => apiFetch<{ status: 'added' | 'invited' }>('/api/team/members', { method: 'POST', json: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.members }),
  });
}

export function useChangeRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: WorkspaceRole }) => apiFetch<unknown>(`/api/team/members/${encodeURIComponent(userId)}`, { method: 'PATCH', json: { role } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.members }),
  });
}

export function useRemoveMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => apiFetch<unknown>(`/api/team/members/${encodeURIComponent(userId)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.members }),
  });
}

/** Whether the user's role in the active workspace reaches `needed` (false while unknown): screens hide what the API would refuse. */
export function useHasRole(needed: WorkspaceRole): boolean {
  const workspaces = useWorkspaces();
  const role = workspaces.data?.items.find((w) => w.active)?.role;
  return role ? roleAtLeast(role, needed) : false;
}
