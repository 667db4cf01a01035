export * from './access';
export * from './personal-workspace';
export * from './workspaces';
export * from './members';
export * from './invitations';
export * from './schemas';
