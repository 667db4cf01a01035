'use client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, withQuery } from '@/lib/client/api';
import { queryKeys } from '@/lib/client/query-keys';
import type { DncEntry, DncPage } from '@/lib/client/types';

export type DncListParams = { page: number; pageSize: number; search?: string };

export function useDncList(params: DncListParams) {
  return useQuery({
    queryKey: queryKeys.dnc(params),
    queryFn: () => apiFetch<DncPage>(withQuery('/api/dnc', params)),
    placeholderData: keepPreviousData,
  });
}

/**
 * The list again after a write. A first load still in flight is cancelled first: invalidating a query that has no
 * data yet joins its fetch instead of starting one, and that fetch may have read the list before the write.
 */
async function refreshList(queryClient: ReturnType<typeof useQueryClient>) {
  await queryClient.cancelQueries({ queryKey: queryKeys.dnc() });
  await queryClient.invalidateQueries({ queryKey: queryKeys.dnc() });
}

export function useAddDnc() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entry: { phone: string; reason?: string }) => apiFetch<DncEntry & { added: boolean; leadsMarked: number }>('/api/dnc', { method: 'POST', json: entry }),
    onSuccess: () => refreshList(queryClient),
  });
}

export function useRemoveDnc() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (phone: string) => apiFetch<unknown>(withQuery('/api/dnc', { phone }), { method: 'DELETE' }),
    onSuccess: () => refreshList(queryClient),
  });
}
