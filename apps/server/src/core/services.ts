import { join } from 'node:path';
import { migrateDatabase, openDatabase, type Database } from '@xuanlian/db';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config/env.ts';
import type { Services } from './context.ts';
import { openFileStore } from './files/index.ts';
import { createJobQueue } from './jobs/index.ts';
import { shareCacheClears } from './cache.ts';

export function createLogger(config: Config): FastifyBaseLogger {
  return pino({
    level: config.logLevel,
    // Personal data and secrets never reach the application log.
    redact: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.newPassword', '*.currentPassword', '*.phone'],
  });
}

/** Opens and migrates the database and wires the runtime pieces every role needs. */
export async function createServices(config: Config, opts: { database?: Database; log?: FastifyBaseLogger } = {}): Promise<Services> {
  // The bucket first: a store that cannot be used stops the start before the database is touched.
  const files = await openFileStore(config);
  const database = opts.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: join(config.dataDir, 'pglite') }));
  await migrateDatabase(database);
  const log = opts.log ?? createLogger(config);
  const jobs = createJobQueue(database, { log });
  const stopSharing = await shareCacheClears(database, log);
  // The listening connection is ours to end, before the pool: whoever closes the database ends it.
  const close = database.close.bind(database);
  database.close = async () => {
    await stopSharing();
    await close();
  };
  return { config, database, db: database.db, jobs, files, log };
}
