// Slow work an applied call event asks for (settling the outcome, scoring) runs after the
// response, so LiveKit and the agent get their 200 at once and do not retry a slow request.
import { after } from 'next/server';
import { logger } from '@/lib/logger';

export function runAfterResponse(followUp: (() => Promise<void>) | undefined, context: Record<string, unknown>) {
  if (!followUp) return;
  after(async () => {
    try {
      await followUp();
    } catch (error) {
      logger.error('call follow-up failed', { ...context, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}
