'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/client/api';
import { queryKeys } from '@/lib/client/query-keys';
import type { WebhookDelivery, WebhookEndpoint, WebhookEndpointCreated, WebhookTestQueued } from '@/lib/client/types';
import { refreshAfterWrite } from '@/lib/client/refresh-after-write';

export function useWebhookEndpoints() {
  return useQuery({ queryKey: queryKeys.webhooks, queryFn: () => apiFetch<{ items: WebhookEndpoint[] }>('/api/webhooks') });
}

export function useWebhookDeliveries(id: string | null) {
  return useQuery({
    queryKey: queryKeys.webhookDeliveries(id ?? ''),
    queryFn: () => apiFetch<{ items: WebhookDelivery[] }>(`/api/webhooks/${id}/deliveries?limit=50`),
    enabled: !!id,
    // Deliveries move on their own (retries, the job): keep the list fresh while it is open.
    refetchInterval: 5_000,
  });
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { url: string; events: string[]; description?: string }) => apiFetch<WebhookEndpointCreated>('/api/webhooks', { method: 'POST', json: body }),
    onSuccess: () => refreshAfterWrite(queryClient, queryKeys.webhooks),
  });
}

export function useUpdateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; enabled?: boolean; events?: string[]; description?: string | null }) => apiFetch<WebhookEndpoint>(`/api/webhooks/${id}`, { method: 'PATCH', json: body }),
    onSuccess: () => refreshAfterWrite(queryClient, queryKeys.webhooks),
  });
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<unknown>(`/api/webhooks/${id}`, { method: 'DELETE' }),
    onSuccess: () => refreshAfterWrite(queryClient, queryKeys.webhooks),
  });
}

export function useSendTestWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<WebhookTestQueued>(`/api/webhooks/${id}/test`, { method: 'POST' }),
    onSuccess: (_, id) => refreshAfterWrite(queryClient, queryKeys.webhookDeliveries(id)),
  });
}

export function useRetryWebhookDelivery(endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => apiFetch<unknown>(`/api/webhooks/deliveries/${deliveryId}/retry`, { method: 'POST' }),
    onSuccess: () => refreshAfterWrite(queryClient, queryKeys.webhookDeliveries(endpointId)),
  });
}
