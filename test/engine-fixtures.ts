// Kept for app/api/livekit/livekit.int.test.ts, outside test/; tests import '@/test/fixtures'.
export * from '@/test/fixtures';
