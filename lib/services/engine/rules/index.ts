// The engine's calling rules: pure functions of their inputs, `now` included.
export * from './call-outcomes';
export type { Span } from './spans';
export * from './legal-hours';
export * from './call-windows';
export * from './phone-number-time-zones';
export * from './lead-time-zones';
export * from './retry-schedule';
export * from './lawful-retry';
export * from './daily-limit';
