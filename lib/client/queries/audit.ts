'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, withQuery } from '@/lib/client/api';
import { queryKeys } from '@/lib/client/query-keys';
import type { AuditPage } from '@/lib/client/types';

export type AuditParams = { action?: string; campaignId?: string; cursor?: string; limit: number };

/** One page of the workspace's audit trail (owners; anyone else gets the 403 as the error). */
export function useAuditLog(params: AuditParams) {
  return useQuery({ queryKey: queryKeys.audit(params), queryFn: () => apiFetch<AuditPage>(withQuery('/api/audit', params)), placeholderData: keepPreviousData, retry: false });
}
