export * from './schemas';
export * from './endpoints';
export * from './send-again';
export * from './deliver-webhooks';
export * from './url-policy';
export * from './backoff';
export * from './outbox';
export * from './prune-webhook-events';
