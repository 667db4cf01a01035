export type { CallEvent } from '@/shared/contracts/call-events';
export * from './apply-call-event';
export * from './settle-call';
export * from './find-call';
export * from './list-calls';
export * from './get-call-detail';
export * from './call-ended-signal';
export * from './call-personal-data';
export * from './listen-in';
