// Moved to shared/ so the voice agent reads spoken numbers the same way; re-exported for the rules here.
export * from '@/shared/number-words';
