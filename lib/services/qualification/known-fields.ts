// Moved to shared/contracts/known-fields.ts (pure, shared by the server and the browser); this path re-exports it.
export * from '@/shared/contracts/known-fields';
