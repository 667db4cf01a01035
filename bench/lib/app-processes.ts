// The app processes of a scale-out benchmark: separate Node processes (as separate app instances would be), each
// with its own database pool, driven by the benchmark over IPC. One request at a time per process: the benchmark
// sends a message, the process answers it once done. The process script calls serveRequests with its handler.
import { fork, type ChildProcess } from 'node:child_process';

export type AppProcess<Request, Reply> = {
  pid: number;
  request: (message: Request) => Promise<Reply>;
  close: () => Promise<void>;
};

type Answer<Reply> = { reply: Reply } | { error: string };

/** Starts `count` processes running `script` (under react-server, as the app's code runs in Next.js). */
export function startAppProcesses<Request, Reply>(script: string, count: number, env: Record<string, string> = {}): AppProcess<Request, Reply>[] {
  return Array.from({ length: count }, () => startAppProcess<Request, Reply>(script, env));
}

function startAppProcess<Request, Reply>(script: string, env: Record<string, string>): AppProcess<Request, Reply> {
  const child: ChildProcess = fork(script, [], {
    execArgv: ['--conditions=react-server', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, LOG_LEVEL: 'error', JOBS_ENABLED: 'false', ...env },
  });
  let pending: { resolve: (reply: Reply) => void; reject: (error: Error) => void } | undefined;
  let exited = false;
  child.on('message', (message) => {
    const answer = message as Answer<Reply>;
    const waiting = pending;
    pending = undefined;
    if ('error' in answer) waiting?.reject(new Error(`app process ${child.pid}: ${answer.error}`));
    else waiting?.resolve(answer.reply);
  });
  const gone = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      pending?.reject(new Error(`app process ${child.pid} exited (${code ?? signal})`));
      resolve();
    }),
  );
  return {
    pid: child.pid!,
    request: (message) =>
      new Promise<Reply>((resolve, reject) => {
        if (exited) return reject(new Error(`app process ${child.pid} has exited`));
        if (pending) return reject(new Error(`app process ${child.pid} is still answering a request`));
        pending = { resolve, reject };
        child.send(message as object);
      }),
    close: async () => {
      if (!exited) child.disconnect();
      await gone;
    },
  };
}

/** In the app process: answers each request with the handler's result; exits once the benchmark lets go. */
export function serveRequests<Request, Reply>(handler: (message: Request) => Promise<Reply>): void {
  process.on('message', (message) => {
    handler(message as Request).then(
      (reply) => process.send!({ reply } satisfies Answer<Reply>),
      (error: unknown) => process.send!({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Answer<Reply>),
    );
  });
  process.once('disconnect', () => process.exit(0));
}

/** Resolves at `epochMs` (Date.now() time, which every process shares). */
export const sleepUntil = (epochMs: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, epochMs - Date.now())));
