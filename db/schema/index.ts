export * from './auth';
export * from './campaigns';
export * from './leads';
export * from './calls';
export * from './compliance';
export * from './rate-limits';
export * from './webhooks';
export * from './idempotency';
