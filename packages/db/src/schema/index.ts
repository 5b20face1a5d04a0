export * from './orgs.ts';
export * from './users.ts';
export * from './role-grants.ts';
export * from './sessions.ts';
export * from './settings.ts';
export * from './audit-logs.ts';
export * from './files.ts';
