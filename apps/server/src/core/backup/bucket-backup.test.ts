import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Database } from '@xuanlian/db';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/app.ts';
import { countsOf, emptyPostgresDatabases, sourceDatabase } from '../../../test/backup-targets.ts';
import { databaseUrlOf, onPostgres } from '../../../test/db.ts';
import { startS3Server, type TestS3Server } from '../../../test/s3-server.ts';
import type { StorageConfig } from '../../config/env.ts';
import { EXE, PDF, PNG } from '../files/__tests__/samples.ts';
import { createServices } from '../services.ts';
import { queryRows } from '../sql.ts';
import { countRows, createBackup, restoreBackup } from './index.ts';

const work = mkdtempSync(join(tmpdir(), 'xl-bucket-backup-'));
const targets = emptyPostgresDatabases();
let s3: TestS3Server;
let admin: S3Client;
let sourceDb: Database;
let source: StorageConfig;
let sourceCounts: Record<string, number>;
let stored: string[];
let archive: string;

async function newBucket(name: string): Promise<string> {
  const bucket = `${s3.bucket}-${name}`;
  await admin.send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
}

/** A wiped deployment: a new DATA_DIR and an empty database, its files in the given bucket (or local). */
async function wipedTarget(name: string, bucket: string | null): Promise<StorageConfig> {
  const dataDir = join(work, name);
  return { dataDir, databaseUrl: onPostgres() ? await targets.create() : undefined, auditCheckpointDir: join(dataDir, 'audit-checkpoints'), ...(bucket ? { fileStore: s3.settings(bucket) } : {}) };
}

async function untouched(target: StorageConfig): Promise<void> {
  expect(existsSync(join(target.dataDir, 'pglite'))).toBe(false);
  if (target.databaseUrl) expect(await countsOf(target)).toEqual({});
}

beforeAll(async () => {
  s3 = await startS3Server();
  const { endpoint, region, accessKeyId, secretAccessKey } = s3.settings();
  admin = new S3Client({ endpoint, region, forcePathStyle: true, credentials: { accessKeyId, secretAccessKey } });
  const dataDir = join(work, 'source');
  const database = (sourceDb = await sourceDatabase(dataDir));
  const config = testConfig({ dataDir, databaseUrl: databaseUrlOf(database), fileStore: s3.settings() });
  source = { dataDir, databaseUrl: config.databaseUrl, auditCheckpointDir: config.auditCheckpointDir, fileStore: s3.settings() };
  const services = await createServices(config, { database, log: pino({ level: 'silent' }) });
  try {
    stored = [(await services.files.put(PNG, { maxBytes: 1024 })).sha256, (await services.files.put(PDF, { maxBytes: 1024 })).sha256].sort();
    sourceCounts = await countRows((text) => queryRows(database.db, sql.raw(text)));
  } finally {
    await services.jobs.stop();
    if (!onPostgres()) await database.close();
  }
  archive = join(work, 'xuanlian.tar.gz');
}, 300_000);

afterAll(async () => {
  if (onPostgres()) await sourceDb.close();
  await targets.dropAll();
  admin.destroy();
  await s3.close();
  rmSync(work, { recursive: true, force: true });
});

describe('[备份] with FILE_STORE=s3', () => {
  it('lists the bucket in the archive instead of copying it, and restores only where the bucket holds every object', async () => {
    const made = await createBackup({ storage: source, out: archive });
    expect(made.manifest.fileStore).toBe('s3');
    expect(made.objects).toBe(2);
    const paths = made.manifest.entries.map((e) => e.path);
    expect(paths).toContain('bucket/objects.json');
    expect(paths.filter((p) => p.startsWith('files/'))).toEqual([]);

    // The database comes back only where the bucket holds the files the rows name.
    const emptyBucket = await wipedTarget('empty-bucket', await newBucket('empty'));
    await expect(restoreBackup({ storage: emptyBucket, from: archive })).rejects.toThrow(
      new RegExp(`存储桶“${s3.bucket}-empty”没有备份清单所列的 2 个对象：${stored[0]}（缺失）、${stored[1]}（缺失）。.*未写入任何数据`),
    );
    await untouched(emptyBucket);
    // An object present under its name but holding other bytes is no better than a missing one.
    const otherBytes = await newBucket('other-bytes');
    const bytesOf = new Map([PNG, PDF].map((b) => [createHash('sha256').update(b).digest('hex'), b]));
    for (const key of stored) await admin.send(new PutObjectCommand({ Bucket: otherBytes, Key: key, Body: key === stored[0] ? EXE : bytesOf.get(key) }));
    const wrong = await wipedTarget('wrong-bytes', otherBytes);
    await expect(restoreBackup({ storage: wrong, from: archive })).rejects.toThrow(`${stored[0]}（内容不符）`);
    await untouched(wrong);
    const local = await wipedTarget('local', null);
    await expect(restoreBackup({ storage: local, from: archive })).rejects.toThrow('该备份的文件保存在对象存储中（备份只含对象清单），当前配置的是本机文件库');
    await untouched(local);

    const target = await wipedTarget('restored', s3.bucket);
    const restored = await restoreBackup({ storage: target, from: archive });
    expect(restored.objects).toBe(2);
    expect(restored.files).toBe(0);
    expect(await countsOf(target)).toEqual(sourceCounts);
  }, 300_000);

  it('refuses to back up a bucket holding an object whose bytes do not match its name', async () => {
    const rotten = await newBucket('rotten');
    await admin.send(new PutObjectCommand({ Bucket: rotten, Key: stored[0], Body: EXE }));
    await expect(createBackup({ storage: { ...source, fileStore: s3.settings(rotten) }, out: join(work, 'rotten.tar.gz') })).rejects.toThrow(
      `存储桶“${rotten}”中的对象 ${stored[0]} 内容与其 SHA-256 不符，文件已损坏：请先处理该对象再备份`,
    );
    expect(existsSync(join(work, 'rotten.tar.gz'))).toBe(false);
  }, 120_000);
});
