// Moved to shared/contracts/qualification-criteria.ts (pure, shared by the server and the browser); this path re-exports it.
export * from '@/shared/contracts/qualification-criteria';
