'use client';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { apiFetch, withQuery } from '@/lib/client/api';
import { queryKeys } from '@/lib/client/query-keys';
import type { CallDetail, CallPage, CallStatus, CampaignAnalytics, ListenToken } from '@/lib/client/types';

export type CallListParams = { cursor?: string; limit: number; status?: CallStatus; outcome?: string };

export function useCalls(campaignId: string, params: CallListParams, { live = false }: { live?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.calls(campaignId, params),
    queryFn: () => apiFetch<CallPage>(withQuery(`/api/campaigns/${campaignId}/calls`, params)),
    placeholderData: keepPreviousData,
    refetchInterval: live ? 5000 : false,
  });
}

export function useCall(callId: string | null) {
  return useQuery({
    queryKey: queryKeys.call(callId ?? ''),
    queryFn: () => apiFetch<CallDetail>(`/api/calls/${callId}`),
    enabled: !!callId,
    // A call still in flight gains its transcript and score when it settles.
    refetchInterval: (query) => (query.state.data && !query.state.data.outcome ? 3000 : false),
  });
}

export function useAnalytics(campaignId: string, { live = false }: { live?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.analytics(campaignId),
    queryFn: () => apiFetch<CampaignAnalytics>(`/api/campaigns/${campaignId}/analytics`),
    refetchInterval: live ? 10_000 : false,
  });
}

export function useListenToken() {
  return useMutation({
    mutationFn: (callId: string) => apiFetch<ListenToken>(`/api/calls/${callId}/listen-token`, { method: 'POST' }),
  });
}
