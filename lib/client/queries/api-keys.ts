'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/client/api';
import { queryKeys } from '@/lib/client/query-keys';
import type { ApiKey, ApiKeyCreated, WorkspaceRole } from '@/lib/client/types';
import { refreshAfterWrite } from '@/lib/client/refresh-after-write';

export function useApiKeys(enabled = true) {
  return useQuery({ queryKey: queryKeys.apiKeys, queryFn: () => apiFetch<{ items: ApiKey[] }>('/api/api-keys'), enabled });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; role: WorkspaceRole }) => apiFetch<ApiKeyCreated>('/api/api-keys', { method: 'POST', json: input }),
    // The form shows a field's error beside it and any other error as its own toast.
    meta: { toastErrors: false },
    onSuccess: () => refreshAfterWrite(queryClient, queryKeys.apiKeys),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<unknown>(`/api/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: () => refreshAfterWrite(queryClient, queryKeys.apiKeys),
  });
}
