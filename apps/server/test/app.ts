import { mkdtempSync, rmSync } from 'node:fs';
import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@xuanlian/db';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from '../src/app.ts';
import type { Config } from '../src/config/env.ts';
import { systemCtx, type Ctx, type Services } from '../src/core/context.ts';
import { createServices } from '../src/core/services.ts';
import { createTestDatabase } from './db.ts';
import { DEFAULT_SECURITY_POLICY, type SecondFactorScope } from '@xuanlian/contracts';
import { writePolicy } from '../src/modules/security/index.ts';

export function testConfig(overrides: Partial<Config> = {}): Config {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'xl-data-'));
  const signingKey = overrides.auditSigningKey ?? generateKeyPairSync('ed25519').privateKey;
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: undefined,
    auditKey: randomBytes(32),
    auditSigningKey: signingKey,
    auditVerifyKey: createPublicKey(signingKey),
    auditCheckpointDir: join(dataDir, 'audit-checkpoints'),
    seedDemo: false,
    production: false,
    cookieSecure: false,
    logLevel: 'silent',
    bodyLimitBytes: 1024 * 1024,
    uploadLimitBytes: 5 * 1024 * 1024,
    loginRateLimit: 10_000,
    loginUserRateLimit: 10_000,
    role: 'all',
    webDist: undefined,
    ...overrides,
  };
}

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  database: Database;
  system: Ctx;
  close(): Promise<void>;
}

/** A real app over a fresh migrated database (PGlite clone, or a PostgreSQL copy in CI). */
export async function createTestApp(overrides: Partial<Config> = {}, opts: { secondFactorFor?: SecondFactorScope } = {}): Promise<TestApp> {
  const config = testConfig(overrides);
  const database = await createTestDatabase();
  // The shipped default makes the three admins enrol a TOTP factor; suites that are not about
  // that log admins in with a password only, unless they ask for a policy (second-factor tests).
  await writePolicy(database.db, { ...DEFAULT_SECURITY_POLICY, requireSecondFactorFor: opts.secondFactorFor ?? 'none' });
  const services = await createServices(config, { database, log: pino({ level: 'silent' }) });
  const app = await buildApp(services);
  await app.ready();
  return {
    app,
    services,
    database,
    system: systemCtx(services),
    async close() {
      await app.close();
      await services.jobs.stop();
      await database.close();
      rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
