// Work that should not hold up the response (scoring, an immediate executor tick). Inside a
// Next.js request it goes through `after`; called elsewhere (tests, scripts) it simply runs in
// the background with its errors logged.
import { after } from 'next/server';
import { logger } from '@/lib/logger';

// The tasks running now, on globalThis: Next.js bundles route handlers apart from instrumentation.ts.
const running: Set<Promise<void>> = ((globalThis as { __afterResponseRunning?: Set<Promise<void>> }).__afterResponseRunning ??= new Set());

export function afterResponse(task: () => Promise<unknown>) {
  const run = () => {
    const done: Promise<void> = task()
      .then(() => undefined)
      .catch((error) => logger.error('background task failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) }))
      .finally(() => running.delete(done));
    running.add(done);
    return done;
  };
  try {
    after(run);
  } catch {
    void run();
  }
}

/** Resolves once no background task is running, including any that a finishing task started. */
export async function backgroundTasksDone(): Promise<void> {
  while (running.size) await Promise.all([...running]);
}
