export * from './consume-rate-limit';
export * from './sign-in-throttle';
