'use client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { apiFetch, withQuery } from '@/lib/client/api';
import { queryKeys } from '@/lib/client/query-keys';
import type { Campaign, CampaignProgress, CampaignStatus, CampaignPage, CreateCampaignBody } from '@/lib/client/types';
import { refreshAfterWrite } from '@/lib/client/refresh-after-write';

export type CampaignListParams = { page: number; pageSize: number; status?: CampaignStatus };

export function useCampaigns(params: CampaignListParams) {
  return useQuery({
    queryKey: queryKeys.campaignList(params),
    queryFn: () => apiFetch<CampaignPage>(withQuery('/api/campaigns', params)),
    placeholderData: keepPreviousData,
    // Running campaigns move on their own: keep the list's counters fresh while one is active.
    refetchInterval: (query) => (query.state.data?.items.some((c) => c.status === 'active') ? 5000 : false),
  });
}

export function useCampaign(id: string) {
  return useQuery({ queryKey: queryKeys.campaign(id), queryFn: () => apiFetch<Campaign>(`/api/campaigns/${id}`) });
}

export const PROGRESS_POLL_MS = 2500;

export function useCampaignProgress(id: string, { enabled = true, intervalMs = PROGRESS_POLL_MS }: { enabled?: boolean; intervalMs?: number | false } = {}) {
  return useQuery({
    queryKey: queryKeys.progress(id),
    queryFn: () => apiFetch<CampaignProgress>(`/api/campaigns/${id}/progress`),
    enabled,
    refetchInterval: intervalMs,
  });
}

export type CampaignBody = Partial<CreateCampaignBody>;
/** An update may also clear an optional setting with null. */
export type CampaignUpdateBody = Omit<CampaignBody, 'retentionDays'> & { retentionDays?: number | null };

export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CampaignBody) => apiFetch<Campaign>('/api/campaigns', { method: 'POST', json: body }),
    onSuccess: (campaign) => {
      queryClient.setQueryData(queryKeys.campaign(campaign.id), campaign);
      void refreshAfterWrite(queryClient, ['campaigns', 'list']);
    },
  });
}

export function useUpdateCampaign(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CampaignUpdateBody) => apiFetch<Campaign>(`/api/campaigns/${id}`, { method: 'PATCH', json: body }),
    onSuccess: (campaign) => {
      queryClient.setQueryData(queryKeys.campaign(id), campaign);
      void refreshAfterWrite(queryClient, queryKeys.campaigns);
    },
  });
}

/** A new draft with the campaign's settings (not its leads or calls). */
export function useCloneCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<Campaign>(`/api/campaigns/${id}/clone`, { method: 'POST' }),
    onSuccess: (campaign) => {
      queryClient.setQueryData(queryKeys.campaign(campaign.id), campaign);
      void refreshAfterWrite(queryClient, ['campaigns', 'list']);
    },
  });
}

export function useDeleteCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<unknown>(`/api/campaigns/${id}`, { method: 'DELETE' }),
    onSuccess: (_data, id) => {
      queryClient.removeQueries({ queryKey: queryKeys.campaign(id) });
      void refreshAfterWrite(queryClient, ['campaigns', 'list']);
    },
  });
}

export type LifecycleAction = 'start' | 'pause' | 'resume' | 'stop';

const actionDone: Record<LifecycleAction, string> = {
  start: 'Campaign started: calls will go out within its call windows',
  pause: 'Campaign paused: calls in progress finish, no new ones are placed',
  resume: 'Campaign resumed',
  stop: 'Campaign stopped',
};

/** Start, pause, resume or stop; toasts the result and refreshes everything that shows the campaign. */
export function useCampaignAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: LifecycleAction }) => apiFetch<Campaign>(`/api/campaigns/${id}/${action}`, { method: 'POST' }),
    onSuccess: (campaign, { id, action }) => {
      queryClient.setQueryData(queryKeys.campaign(id), campaign);
      void refreshAfterWrite(queryClient, queryKeys.campaigns);
      toast.success(actionDone[action]);
    },
  });
}
