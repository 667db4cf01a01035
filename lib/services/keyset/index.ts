export * from './keyset-cursor';
export * from './keyset-pages';
