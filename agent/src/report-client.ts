// Posts the call's report to the app (POST /api/livekit/agent-report) with the call's bearer
// token. Network trouble and 5xx are retried with backoff; a 4xx is final, since a refused token
// or body will not get better by asking again. The app stores one report per call, so a retry
// that lands twice is harmless.

import type { AgentReportBody } from '../../shared/contracts/agent-report';

// The report's shape is the app's own (shared/contracts/agent-report.ts), so the route cannot refuse a
// field the agent was never told about.
export type CallReport = AgentReportBody;
export type { TranscriptTurn } from '../../shared/contracts/transcript';

export type PostReportInput = {
  reportUrl: string;
  reportToken: string;
  report: CallReport;
  fetch?: typeof fetch;
  /** Waits before each retry; its length is the number of retries. */
  retryDelaysMs?: number[];
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
};

export type PostReportResult = { status: number; attempts: number };

export class ReportError extends Error {
  constructor(
    message: string,
    readonly attempts: number,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ReportError';
  }
}

export const defaultRetryDelaysMs = [500, 2_000];

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Attempt = { ok: true; status: number } | { ok: false; status?: number; message: string };

export async function postReport(input: PostReportInput): Promise<PostReportResult> {
  const delays = input.retryDelaysMs ?? defaultRetryDelaysMs;
  const sleep = input.sleep ?? wait;
  for (let attempt = 1; ; attempt++) {
    const outcome = await postOnce(input);
    if (outcome.ok) return { status: outcome.status, attempts: attempt };
    const retryable = outcome.status === undefined || outcome.status >= 500;
    if (!retryable || attempt > delays.length) throw new ReportError(outcome.message, attempt, outcome.status);
    await sleep(delays[attempt - 1]);
  }
}

async function postOnce(input: PostReportInput): Promise<Attempt> {
  const send = input.fetch ?? fetch;
  try {
    const response = await send(input.reportUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${input.reportToken}` },
      body: JSON.stringify(input.report),
      signal: AbortSignal.timeout(input.timeoutMs ?? 10_000),
    });
    const text = await response.text().catch(() => '');
    if (response.ok) return { ok: true, status: response.status };
    return { ok: false, status: response.status, message: `report refused with ${response.status}: ${text.slice(0, 500)}` };
  } catch (error) {
    return { ok: false, message: `report not delivered: ${error instanceof Error ? error.message : String(error)}` };
  }
}
