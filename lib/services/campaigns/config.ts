// Moved to shared/contracts/campaign-config.ts (pure, shared by the server and the browser); this path re-exports it.
export * from '@/shared/contracts/campaign-config';
