import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { openDatabase, type Database } from '@xuanlian/db';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { create, extract } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/app.ts';
import { databaseUrlOf, onPostgres } from '../../../test/db.ts';
import { countsOf, emptyPostgresDatabases, sourceDatabase } from '../../../test/backup-targets.ts';
import type { Config, StorageConfig } from '../../config/env.ts';
import { ctxOf, seedDemoCity } from '../../seed/demo-city.ts';
import { createManuscript } from '../../modules/manuscripts/index.ts';
import { uploadFile } from '../../modules/manuscripts/verbs/files.ts';
import { writeCheckpoint } from '../audit/checkpoint.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { createServices } from '../services.ts';
import { queryRows } from '../sql.ts';
import { createBackup, fileStoreDirOf, restoreBackup, sha256File, countRows } from './index.ts';
import { checksumLine } from './manifest.ts';
import { storeBlobs } from './staging.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

const work = mkdtempSync(join(tmpdir(), 'xl-backup-'));

const targets = emptyPostgresDatabases();

async function blobHashes(dataDir: string): Promise<Map<string, string>> {
  const store = fileStoreDirOf(dataDir);
  const out = new Map<string, string>();
  for (const blob of await storeBlobs(store)) out.set(basename(blob), (await sha256File(join(store, blob))).sha256);
  return out;
}

const storageOf = (c: Config): StorageConfig => ({ dataDir: c.dataDir, databaseUrl: c.databaseUrl, auditCheckpointDir: c.auditCheckpointDir });

let source: Config;
let sourceCounts: Record<string, number>;
let sourceBlobs: Map<string, string>;
let imageSha: string;
let archive: string;
let sourceDb: Database;

beforeAll(async () => {
  const dataDir = join(work, 'source');
  const database = (sourceDb = await sourceDatabase(dataDir));
  source = testConfig({ dataDir, databaseUrl: databaseUrlOf(database) });
  const services = await createServices(source, { database, log: pino({ level: 'silent' }) });
  try {
    await seedDemoCity(services);
    const reporter = await ctxOf(services, 'reporter');
    const m = await createManuscript({ ctx: reporter, input: { title: '东门社区开展备份演练宣传活动', bodyHtml: '<p>东门社区组织开展数据备份与恢复演练。</p>' } });
    imageSha = (await uploadFile({ ctx: reporter, id: m.id, kind: 'image', name: '现场照片.png', bytes: PNG })).sha256;
    expect(await writeCheckpoint(services)).not.toBeNull();
    sourceCounts = await countRows((text) => queryRows(database.db, sql.raw(text)));
  } finally {
    await services.jobs.stop();
    // The embedded database is backed up with the server stopped; a PostgreSQL copy is dropped
    // on close, so it stays open (pg_dump reads it alongside) until the drill is done.
    if (!onPostgres()) await database.close();
  }
  sourceBlobs = await blobHashes(dataDir);
  archive = join(work, 'xuanlian.tar.gz');
  await createBackup({ storage: storageOf(source), out: archive });
}, 600_000);

afterAll(async () => {
  if (onPostgres()) await sourceDb.close();
  await targets.dropAll();
  rmSync(work, { recursive: true, force: true });
});

/** A wiped deployment: a new empty DATA_DIR and a new empty database, with the same audit keys. */
async function wipedTarget(name: string): Promise<Config> {
  const dataDir = join(work, name);
  return { ...source, dataDir, databaseUrl: onPostgres() ? await targets.create() : undefined, auditCheckpointDir: join(dataDir, 'audit-checkpoints') };
}

async function targetIsUntouched(target: Config): Promise<void> {
  expect(existsSync(target.dataDir)).toBe(false);
  if (target.databaseUrl) expect(await countsOf(storageOf(target))).toEqual({});
}

describe('[备份] backup → wipe → restore drill', () => {
  it('writes one archive with a manifest of every table and file, and its checksum beside it', async () => {
    expect(readFileSync(`${archive}.sha256`, 'utf8')).toBe(checksumLine((await sha256File(archive)).sha256, basename(archive)));
    expect(sourceBlobs.has(imageSha)).toBe(true);
    expect(sourceCounts['public.orgs']).toBeGreaterThan(5);
    expect(sourceCounts['public.audit_logs']).toBeGreaterThan(10);
  });

  it('restores into an empty database and store: every count equals, audit:verify passes, every file hash matches', async () => {
    const target = await wipedTarget('restored');
    const result = await restoreBackup({ storage: storageOf(target), from: archive });
    expect(result.files).toBe(sourceBlobs.size);
    expect(result.checkpoints).toBeGreaterThan(0);
    expect(await countsOf(storageOf(target))).toEqual(sourceCounts);
    expect(await blobHashes(target.dataDir)).toEqual(sourceBlobs);
    for (const [name, hash] of await blobHashes(target.dataDir)) expect(hash).toBe(name);

    const database = await openDatabase({ databaseUrl: target.databaseUrl, pgliteDir: join(target.dataDir, 'pglite') });
    try {
      const verdict = await verifyAuditChain(database.db, target);
      expect(verdict.findings).toEqual([]);
      expect(verdict.ok).toBe(true);
      expect(verdict.checked).toBe(sourceCounts['public.audit_logs']);
      expect(verdict.latestCheckpoint).not.toBeNull();
    } finally {
      await database.close();
    }

    // A second restore onto what the first one wrote is refused, and leaves it as it was.
    await expect(restoreBackup({ storage: storageOf(target), from: archive })).rejects.toThrow(target.databaseUrl ? /目标数据库不是空库/ : /已有嵌入式数据库/);
    expect(await countsOf(storageOf(target))).toEqual(sourceCounts);
  }, 600_000);

  it('refuses an archive with one byte changed or cut short, writing nothing', async () => {
    const target = await wipedTarget('tampered');
    const bad = join(work, 'tampered.tar.gz');
    const bytes = readFileSync(archive);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    writeFileSync(bad, bytes);
    copyFileSync(`${archive}.sha256`, `${bad}.sha256`);
    await expect(restoreBackup({ storage: storageOf(target), from: bad })).rejects.toThrow(/备份文件校验失败：.*SHA-256 .*不符.*未写入任何数据/);
    writeFileSync(bad, readFileSync(archive).subarray(0, 4096));
    await expect(restoreBackup({ storage: storageOf(target), from: bad })).rejects.toThrow(/备份已损坏或不完整/);
    rmSync(`${bad}.sha256`);
    await expect(restoreBackup({ storage: storageOf(target), from: bad })).rejects.toThrow(/缺少校验和文件/);
    await targetIsUntouched(target);
  }, 120_000);

  it('refuses an entry changed inside a re-packed archive even when the outer checksum was recomputed', async () => {
    const target = await wipedTarget('repacked');
    const unpacked = join(work, 'unpacked');
    mkdirSync(unpacked);
    await extract({ file: archive, cwd: unpacked, strict: true });
    const blob = join(unpacked, 'files', imageSha.slice(0, 2), imageSha.slice(2, 4), imageSha);
    writeFileSync(blob, Buffer.concat([readFileSync(blob), Buffer.from('x')]));
    const repacked = join(work, 'repacked.tar.gz');
    await create({ gzip: true, file: repacked, cwd: unpacked, portable: true }, ['manifest.json', 'database', 'files', 'audit-checkpoints']);
    writeFileSync(`${repacked}.sha256`, checksumLine((await sha256File(repacked)).sha256, basename(repacked)));
    await expect(restoreBackup({ storage: storageOf(target), from: repacked })).rejects.toThrow(new RegExp(`备份内容校验失败：files/.*${imageSha}.*SHA-256 与清单不符`));
    await targetIsUntouched(target);
  }, 120_000);
});
