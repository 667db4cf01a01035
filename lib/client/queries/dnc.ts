'use client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, withQuery } from '@/lib/client/api';
import { queryKeys } from '@/lib/client/query-keys';
import type { DncEntry, DncPage } from '@/lib/client/types';
import { refreshAfterWrite } from '@/lib/client/refresh-after-write';

export type DncListParams = { page: number; pageSize: number; search?: string };

export function useDncList(params: DncListParams) {
  return useQuery({
    queryKey: queryKeys.dnc(params),
    queryFn: () => apiFetch<DncPage>(withQuery('/api/dnc', params)),
    placeholderData: keepPreviousData,
  });
}

export function useAddDnc() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entry: { phone: string; reason?: string }) => apiFetch<DncEntry & { added: boolean; leadsMarked: number }>('/api/dnc', { method: 'POST', json: entry }),
    onSuccess: () => refreshAfterWrite(queryClient, queryKeys.dnc()),
  });
}

export function useRemoveDnc() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (phone: string) => apiFetch<unknown>(withQuery('/api/dnc', { phone }), { method: 'DELETE' }),
    onSuccess: () => refreshAfterWrite(queryClient, queryKeys.dnc()),
  });
}
