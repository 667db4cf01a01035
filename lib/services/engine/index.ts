export * from './timing';
export * from './claim-leads';
export * from './place-calls';
export * from './campaign-executor';
export * from './recover-calls';
export * from './campaign-progress';
export * from './progress-report';
export * from './forecast';
