'use client';
import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Fetches a write's queries again. A first load still in flight is cancelled first: invalidating a query that has no
 * data yet joins its fetch instead of starting one, and that fetch may have read before the write (an added
 * do-not-call number stayed unlisted that way).
 */
export async function refreshAfterWrite(queryClient: QueryClient, queryKey: QueryKey): Promise<void> {
  await queryClient.cancelQueries({ queryKey });
  await queryClient.invalidateQueries({ queryKey });
}
