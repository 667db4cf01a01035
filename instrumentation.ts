// Next.js calls register() once per server process: start the database, telephony and jobs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // First, before any request: the forwarded headers a client sends are not believed (lib/http).
  const [{ env }, { installForwardedHeaderGuard }] = await Promise.all([import('./lib/env'), import('./lib/http/forwarded-header-guard')]);
  installForwardedHeaderGuard(env.TRUSTED_PROXY);
  const { startServer } = await import('./lib/jobs');
  await startServer();
}
