// Moved to shared/phone-region.ts (pure, shared by the server and the browser); this path re-exports it.
export * from '@/shared/phone-region';
