// POSTs to the app the way a server that cares would: retried on network trouble and 5xx,
// not on a 4xx (a refused signature or body will not get better by asking again).
export type Delivery = { ok: boolean; status?: number; error?: string };

// Retries and the request timeout are real time, not the simulator's clock: they pace real HTTP to a real app.
export const defaultRetryDelaysMs = [250, 1_000, 3_000];

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

export async function deliver(url: string, init: { headers: Record<string, string>; body: string }, options: { signal: AbortSignal; retryDelaysMs?: number[] }): Promise<Delivery> {
  const delays = options.retryDelaysMs ?? defaultRetryDelaysMs;
  let last: Delivery = { ok: false, error: 'not sent' };
  for (let attempt = 0; attempt <= delays.length; attempt++) {
    if (options.signal.aborted) return { ok: false, error: 'simulator closed' };
    try {
      const response = await fetch(url, { method: 'POST', headers: init.headers, body: init.body, signal: AbortSignal.any([options.signal, AbortSignal.timeout(15_000)]) });
      await response.arrayBuffer().catch(() => undefined);
      last = { ok: response.ok, status: response.status };
      if (response.ok || (response.status >= 400 && response.status < 500)) return last;
    } catch (error) {
      last = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    if (attempt < delays.length) await pause(delays[attempt], options.signal);
  }
  return last;
}
