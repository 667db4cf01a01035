// Kept for the callers outside test/ (bench/import-csv.ts, app/ and lib/ integration tests); tests import '@/test/fixtures'.
export * from '@/test/fixtures';
