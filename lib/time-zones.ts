// Moved to shared/time-zones.ts (pure, shared by the server and the browser); this path re-exports it.
export * from '@/shared/time-zones';
