// Next.js calls register() once per server process: start the database, telephony and jobs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('./lib/jobs');
  await startServer();
}
