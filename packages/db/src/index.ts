export * from './client.ts';
export * from './unavailable.ts';
export * from './advisory-lock.ts';
export * from './migration-status.ts';
export * from './listen.ts';
export * from './startup-errors.ts';
export * as schema from './schema/index.ts';
export * from './schema/index.ts';
