'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/client/api';
import { queryKeys } from '@/lib/client/query-keys';
import type { Blackout, ComplianceCheckResult, ComplianceReport } from '@/lib/client/types';
import { refreshAfterWrite } from '@/lib/client/refresh-after-write';

export type ComplianceCheckInput = { phone: string; state?: string; timezone?: string; at?: string; campaignId?: string };

export function useComplianceCheck() {
  return useMutation({
    mutationFn: (input: ComplianceCheckInput) => apiFetch<ComplianceCheckResult>('/api/compliance/check', { method: 'POST', json: input }),
    // The form shows the error at the field, or under the button.
    meta: { toastErrors: false },
  });
}

/** Re-checks every call of the campaign (seconds for 100,000 calls), so it is fetched on demand, never polled. */
export function useComplianceReport(campaignId: string) {
  return useQuery({
    queryKey: queryKeys.compliance(campaignId),
    queryFn: () => apiFetch<ComplianceReport>(`/api/campaigns/${campaignId}/compliance`),
  });
}

export function useBlackouts() {
  return useQuery({ queryKey: queryKeys.blackouts, queryFn: () => apiFetch<{ items: Blackout[] }>('/api/compliance/blackouts') });
}

export function useAddBlackout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { region: string; startsAt: string; endsAt: string; reason?: string }) => apiFetch<Blackout>('/api/compliance/blackouts', { method: 'POST', json: input }),
    onSuccess: () => refreshAfterWrite(queryClient, queryKeys.blackouts),
  });
}

export function useRemoveBlackout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<unknown>(`/api/compliance/blackouts/${id}`, { method: 'DELETE' }),
    onSuccess: () => refreshAfterWrite(queryClient, queryKeys.blackouts),
  });
}
