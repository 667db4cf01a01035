// Work that should not hold up the response (scoring, an immediate executor tick). Inside a
// Next.js request it goes through `after`; called elsewhere (tests, scripts) it simply runs in
// the background with its errors logged.
import { after } from 'next/server';
import { logger } from '@/lib/logger';

export function afterResponse(task: () => Promise<unknown>) {
  const run = () =>
    task().catch((error) => logger.error('background task failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
  try {
    after(run);
  } catch {
    void run();
  }
}
