export * from './schemas';
export * from './present-dnc';
export * from './add-to-dnc';
export * from './is-on-dnc';
export * from './remove-from-dnc';
export * from './list-dnc';
export * from './import-dnc';
export * from './mark-leads-do-not-call';
