export * from './record-audit';
export * from './record-sign-in';
export * from './list-audit';
