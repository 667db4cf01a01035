'use client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, withQuery } from '@/lib/client/api';
import { queryKeys } from '@/lib/client/query-keys';
import type { Lead, LeadPage, LeadStatus } from '@/lib/client/types';
import { refreshAfterWrite } from '@/lib/client/refresh-after-write';

export type LeadListParams = { cursor?: string; limit: number; search?: string; status?: LeadStatus };

export function useLeads(campaignId: string, params: LeadListParams, { live = false }: { live?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.leads(campaignId, params),
    queryFn: () => apiFetch<LeadPage>(withQuery(`/api/campaigns/${campaignId}/leads`, params)),
    placeholderData: keepPreviousData,
    refetchInterval: live ? 5000 : false,
  });
}

export type LeadChanges = Partial<Pick<Lead, 'name' | 'company' | 'email' | 'phone' | 'timezone'>>;

export function useUpdateLead(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ leadId, changes }: { leadId: string; changes: LeadChanges }) =>
      apiFetch<Lead>(`/api/campaigns/${campaignId}/leads/${leadId}`, { method: 'PUT', json: changes }),
    onSuccess: () => refreshAfterWrite(queryClient, queryKeys.leads(campaignId)),
  });
}

export function useAddLead(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (lead: LeadChanges) => apiFetch<unknown>(`/api/campaigns/${campaignId}/leads`, { method: 'POST', json: lead }),
    onSuccess: () => refreshAfterWrite(queryClient, ['campaigns', 'one', campaignId]),
  });
}

/** Erases a lead's personal data (DELETE /api/leads/:id/personal-data); its calls stay as counts. */
export function useEraseLead(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (leadId: string) => apiFetch<{ leadId: string; callsErased: number; dncHashed: boolean }>(`/api/leads/${leadId}/personal-data`, { method: 'DELETE' }),
    onSuccess: () => refreshAfterWrite(queryClient, queryKeys.leads(campaignId)),
  });
}
