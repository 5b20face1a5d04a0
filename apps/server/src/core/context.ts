import type { Database, Db } from '@xuanlian/db';
import type { Permission, Role } from '@xuanlian/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config/env.ts';
import type { FileStore } from './files/file-store.ts';
import type { JobQueue } from './jobs/job-queue.ts';

export interface Grant {
  role: Role;
  orgId: string;
  orgPath: string;
  orgName: string;
}

/** Who is acting: a signed-in user, or the system itself (jobs, seed, CLI). */
export interface Actor {
  type: 'user' | 'system';
  userId: string | null;
  username: string;
  name: string;
  orgId: string | null;
  grants: Grant[];
  mustChangePassword: boolean;
  /** The security policy requires a second factor this user has not enrolled (sessions only). */
  mustEnrolSecondFactor?: boolean;
  secondFactorEnabled?: boolean;
}

export const SYSTEM_ACTOR: Actor = {
  type: 'system',
  userId: null,
  username: 'system',
  name: '系统',
  orgId: null,
  grants: [],
  mustChangePassword: false,
};

/** Everything a verb needs, built once per request (or per job). */
export interface Services {
  config: Config;
  database: Database;
  db: Db;
  jobs: JobQueue;
  files: FileStore;
  log: FastifyBaseLogger;
}

export interface Ctx extends Services {
  actor: Actor;
  requestId: string;
  ip: string | null;
}

export function systemCtx(services: Services, requestId = 'system'): Ctx {
  return { ...services, actor: SYSTEM_ACTOR, requestId, ip: null };
}

export type { Permission };
