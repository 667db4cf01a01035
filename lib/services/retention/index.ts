export * from './remove-expired-call-data';
export * from './seal-legacy-personal-data';
