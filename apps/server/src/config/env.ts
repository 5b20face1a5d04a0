import { randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { loadSigningKeys, refuseAuditKeysInDataDir } from './audit-keys.ts';
import type { S3Settings } from '../core/files/s3-bucket.ts';

/** The only reader of process.env: everything else receives a parsed Config. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  AUDIT_HMAC_KEY: z.string().min(32, 'AUDIT_HMAC_KEY 至少 32 个字符').optional(),
  AUDIT_SIGNING_KEY: z.string().optional(),
  AUDIT_SIGNING_KEY_FILE: z.string().optional(),
  AUDIT_VERIFY_KEY_FILE: z.string().optional(),
  AUDIT_CHECKPOINT_DIR: z.string().optional(),
  NODE_ENV: z.string().optional(),
  /** Unset: the demo city on the embedded database only; a real PostgreSQL starts empty. */
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  /** Behind a reverse proxy: true, or the proxy addresses (comma-separated IPs/CIDRs). */
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(
      /^(true|false|(loopback|linklocal|uniquelocal|[0-9a-fA-F]*[.:][0-9a-fA-F.:/]*)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F]*[.:][0-9a-fA-F.:/]*))*)?$/,
      'TRUST_PROXY 应为 true、false 或以逗号分隔的代理地址/网段（如 127.0.0.1、loopback、10.0.0.0/8）',
    )
    .default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  UPLOAD_LIMIT_MB: z.coerce.number().int().min(1).max(500).default(20),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  LOGIN_USER_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Lets a scraper off this machine read /metrics with `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(24, 'METRICS_TOKEN 至少 24 个字符').optional(),
  FILE_STORE: z.enum(['local', 's3'], 'FILE_STORE 只能是 local（本机 DATA_DIR/files 目录）或 s3（S3 兼容对象存储）').default('local'),
});

const required = (name: string) => z.string(`使用对象存储时必须设置 ${name}`).trim().min(1, `使用对象存储时必须设置 ${name}`);

/** Read only when FILE_STORE=s3; every message names the variable to fix. */
const S3EnvSchema = z.object({
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'S3_ENDPOINT 应为对象存储的地址，如 http://127.0.0.1:9000 或 https://oss-cn-hangzhou.aliyuncs.com' }).optional(),
  // S3's own naming rule; a name outside it would only fail later, on the first upload.
  S3_BUCKET: required('S3_BUCKET').regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'S3_BUCKET 应为 3–63 位小写字母、数字、点或连字符'),
  S3_REGION: z.string().trim().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: required('S3_ACCESS_KEY_ID'),
  S3_SECRET_ACCESS_KEY: required('S3_SECRET_ACCESS_KEY'),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false'], 'S3_FORCE_PATH_STYLE 只能是 true 或 false').default('false'),
});

/** Where uploaded files live: a folder under DATA_DIR, or an S3-compatible bucket every instance shares. */
export type FileStoreConfig = { kind: 'local' } | ({ kind: 's3' } & S3Settings);

export type AppRole = 'all' | 'web' | 'worker';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  auditKey: Buffer;
  /** Ed25519 private key that signs the audit checkpoints (null on a verify-only machine). */
  auditSigningKey: KeyObject | null;
  /** The public half, which is all `audit:verify` needs to check a checkpoint. */
  auditVerifyKey: KeyObject;
  /** Where the append-only checkpoint files live (AUDIT_CHECKPOINT_DIR). */
  auditCheckpointDir: string;
  seedDemo: boolean;
  /** NODE_ENV=production: refuses to start while an account still has the published demo password. */
  production: boolean;
  cookieSecure: boolean;
  /**
   * Whether X-Forwarded-For/-Proto are believed (Fastify's trustProxy): then the client address
   * comes from the proxy and a request that reached the proxy over HTTPS gets Secure cookies.
   */
  trustProxy?: boolean | string;
  logLevel: string;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  /** Login attempts per minute per client address (counted in the database, shared by instances). */
  loginRateLimit: number;
  /** Login attempts per minute per username, whatever the address. */
  loginUserRateLimit: number;
  role: AppRole;
  /** Serve the built web app from this folder when it exists. */
  webDist: string | undefined;
  /**
   * Bearer token for GET /metrics from another machine; without it only a direct loopback
   * request (no proxy in between) is answered.
   */
  metricsToken?: string | undefined;
  /** Absent: the local folder DATA_DIR/files. */
  fileStore?: FileStoreConfig;
  /** First retry delay of a failed notification delivery (doubling after); tests shorten it. Default 30. */
  notifyRetryDelaySeconds?: number;
}

const envError = (issues: readonly z.core.$ZodIssue[]) => new Error(`环境变量配置有误：\n${issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);

export function parseFileStore(env: NodeJS.ProcessEnv): FileStoreConfig {
  const kind = EnvSchema.shape.FILE_STORE.safeParse(env.FILE_STORE);
  if (!kind.success) throw envError(kind.error.issues.map((i) => ({ ...i, path: ['FILE_STORE'] })));
  return kind.data === 'local' ? { kind: 'local' } : { kind: 's3', ...parseS3Settings(env) };
}

function parseS3Settings(env: NodeJS.ProcessEnv): S3Settings {
  const parsed = S3EnvSchema.safeParse(env);
  if (!parsed.success) throw envError(parsed.error.issues);
  const e = parsed.data;
  return {
    endpoint: e.S3_ENDPOINT,
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
    accessKeyId: e.S3_ACCESS_KEY_ID,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY,
    forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
  };
}

function parseTrustProxy(v: string): boolean | string {
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  return v
    .split(',')
    .map((x) => x.trim())
    .join(',');
}

/** A persisted random key so that the chain survives restarts without any set-up step. */
function loadOrCreateAuditKey(dataDir: string): Buffer {
  const file = join(dataDir, 'audit-hmac.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) throw envError(parsed.error.issues);
  const e = parsed.data;
  const fileStore = parseFileStore(env);
  const roleArg = argv.find((a) => a.startsWith('--role='))?.slice('--role='.length) ?? 'all';
  if (roleArg !== 'all' && roleArg !== 'web' && roleArg !== 'worker') {
    throw new Error(`--role 只能是 all、web 或 worker，收到 ${roleArg}`);
  }
  const { dataDir, databaseUrl, auditCheckpointDir } = storageOf(e);
  if (e.NODE_ENV === 'production') refuseAuditKeysInDataDir(dataDir, e);
  const keys = loadSigningKeys(dataDir, e);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl,
    auditKey: e.AUDIT_HMAC_KEY ? Buffer.from(e.AUDIT_HMAC_KEY, 'utf8') : loadOrCreateAuditKey(dataDir),
    auditSigningKey: keys.signingKey,
    auditVerifyKey: keys.verifyKey,
    auditCheckpointDir,
    seedDemo: e.SEED_DEMO ? e.SEED_DEMO === 'true' : !e.DATABASE_URL,
    production: e.NODE_ENV === 'production',
    cookieSecure: e.COOKIE_SECURE === 'true',
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: 1024 * 1024,
    uploadLimitBytes: e.UPLOAD_LIMIT_MB * 1024 * 1024,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    loginUserRateLimit: e.LOGIN_USER_RATE_LIMIT,
    metricsToken: e.METRICS_TOKEN || undefined,
    role: roleArg,
    webDist: resolve(new URL('../../../web/dist', import.meta.url).pathname),
    fileStore,
  };
}

/** Where a deployment keeps its data: what `npm run backup` reads and `npm run restore` fills. */
export interface StorageConfig {
  dataDir: string;
  databaseUrl: string | undefined;
  auditCheckpointDir: string;
  /** Absent: the local folder DATA_DIR/files. With a bucket, a backup lists its objects instead of copying them. */
  fileStore?: FileStoreConfig;
}

/**
 * The storage settings alone. Unlike loadConfig it creates nothing: a restore must find the new
 * DATA_DIR empty, not holding development keys that loading the full configuration would make.
 */
export function loadStorageConfig(env: NodeJS.ProcessEnv = process.env): StorageConfig {
  const parsed = EnvSchema.pick({ DATA_DIR: true, DATABASE_URL: true, AUDIT_CHECKPOINT_DIR: true }).safeParse(env);
  if (!parsed.success) throw new Error(`环境变量配置有误：${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('；')}`);
  return { ...storageOf(parsed.data), fileStore: parseFileStore(env) };
}

function storageOf(e: { DATA_DIR: string; DATABASE_URL?: string | undefined; AUDIT_CHECKPOINT_DIR?: string | undefined }): StorageConfig {
  const dataDir = resolve(e.DATA_DIR);
  return { dataDir, databaseUrl: e.DATABASE_URL || undefined, auditCheckpointDir: resolve(e.AUDIT_CHECKPOINT_DIR ?? join(dataDir, 'audit-checkpoints')) };
}

/** `npm run files:to-s3`: the local store under DATA_DIR and the bucket named by the S3_* settings, whatever FILE_STORE says yet. */
export function loadFileMoveConfig(env: NodeJS.ProcessEnv = process.env): { dataDir: string; s3: S3Settings } {
  const parsed = EnvSchema.pick({ DATA_DIR: true }).safeParse(env);
  if (!parsed.success) throw envError(parsed.error.issues);
  return { dataDir: resolve(parsed.data.DATA_DIR), s3: parseS3Settings(env) };
}

/** The environment for a child process (pg_dump, pg_restore): ours plus what it needs. */
export function childProcessEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

/** Reads DATABASE_URL for test harnesses, which must not touch process.env themselves. */
export function testDatabaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}
