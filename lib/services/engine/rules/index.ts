// The engine's calling rules: pure functions of their inputs, `now` included. Whether a lead may lawfully be
// called (hours, zones, jurisdictions) is lib/services/compliance's, in one place.
export * from '@/shared/call-outcomes';
export type { Span } from './spans';
export * from './call-windows';
export * from './retry-schedule';
export * from './lawful-retry';
export * from './daily-limit';
