// Kept for the callers outside test/ (app/ and lib/ integration tests); tests import '@/test/fixtures'.
export * from '@/test/fixtures/database';
