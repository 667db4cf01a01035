export * from './keys';
export * from './schemas';
