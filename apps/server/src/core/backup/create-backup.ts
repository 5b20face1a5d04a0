import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { create } from 'tar';
import type { StorageConfig } from '../../config/env.ts';
import { openBucket } from '../files/index.ts';
import { listBucketObjects } from './bucket-objects.ts';
import {
  ARCHIVE_DIRS,
  BACKUP_FORMAT,
  BackupError,
  BUCKET_ENTRY,
  DATA_DIR_KEYS,
  DATABASE_ENTRY,
  MANIFEST_NAME,
  checksumLine,
  sha256File,
  type BackupManifest,
  type DatabaseEngine,
} from './manifest.ts';
import { dumpPglite } from './pglite-dump.ts';
import { dumpPostgres } from './postgres-dump.ts';
import { copyCheckpointFiles, copyInto, entriesOf, storeBlobs, walkFiles } from './staging.ts';

export interface BackupResult {
  archive: string;
  checksumFile: string;
  sha256: string;
  manifest: BackupManifest;
  /** Development keys found in DATA_DIR and put in the archive (never the case in production). */
  keys: string[];
  /** With FILE_STORE=s3: how many objects the archive lists. */
  objects: number;
}

export const fileStoreDirOf = (dataDir: string) => join(dataDir, 'files');

/**
 * One archive (.tar.gz) holding the database dump, the file store's blobs, the audit checkpoint
 * files and a manifest of every entry's SHA-256 with the row count of every table; the archive's
 * own SHA-256 goes to ARCHIVE.sha256 beside it.
 */
export async function createBackup({ storage, out }: { storage: StorageConfig; out: string }): Promise<BackupResult> {
  const archive = resolve(out);
  if (existsSync(archive)) throw new BackupError(`备份文件 ${archive} 已存在：不会覆盖已有备份，请换一个文件名`);
  await mkdir(dirname(archive), { recursive: true });
  const bucket = storage.fileStore?.kind === 's3' ? openBucket(storage.fileStore) : null;
  if (bucket) {
    try {
      await bucket.check();
    } catch (err) {
      bucket.close();
      throw new BackupError((err as Error).message);
    }
  }
  const staging = await mkdtemp(join(dirname(archive), '.xuanlian-backup-'));
  let objects = 0;
  try {
    // Checkpoints before the dump: each signs rows already committed, and audit rows are never
    // deleted, so the dump taken next holds every row a copied checkpoint covers.
    await copyCheckpointFiles(storage.auditCheckpointDir, join(staging, ARCHIVE_DIRS.checkpoints));
    const engine: DatabaseEngine = storage.databaseUrl ? 'postgresql' : 'pglite';
    const dbEntry = DATABASE_ENTRY[engine];
    await mkdir(dirname(join(staging, dbEntry)), { recursive: true });
    const dumped = storage.databaseUrl ? await dumpPostgres(storage.databaseUrl, join(staging, dbEntry)) : await dumpPglite(storage.dataDir, join(staging, dbEntry));
    // Blobs after the dump: a blob is stored before any row names it and is never removed, so
    // every file the dumped rows refer to is already there.
    if (bucket) {
      // The bucket keeps its own copies (versioning, replication); the archive says what it must hold.
      await mkdir(join(staging, ARCHIVE_DIRS.bucket), { recursive: true });
      const listed = await listBucketObjects(bucket);
      objects = listed.length;
      await writeFile(join(staging, BUCKET_ENTRY), `${JSON.stringify(listed, null, 1)}\n`);
    } else {
      const store = fileStoreDirOf(storage.dataDir);
      for (const blob of await storeBlobs(store)) await copyInto(join(store, blob), join(staging, ARCHIVE_DIRS.files, blob));
    }
    const keys = DATA_DIR_KEYS.filter((k) => existsSync(join(storage.dataDir, k)));
    for (const k of keys) await copyInto(join(storage.dataDir, k), join(staging, ARCHIVE_DIRS.keys, k));

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      engine,
      engineVersion: dumped.engineVersion,
      tables: dumped.tables,
      entries: await entriesOf(staging, await walkFiles(staging)),
      fileStore: bucket ? 's3' : 'local',
    };
    await writeFile(join(staging, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
    // Written under a temporary name: a crash never leaves a half archive under the real one.
    const part = `${archive}.part`;
    const top = [MANIFEST_NAME, ...Object.values(ARCHIVE_DIRS).filter((d) => existsSync(join(staging, d)))];
    await create({ gzip: true, file: part, cwd: staging, portable: true }, top);
    // The archive holds every row and file (and in development the audit keys): owner-only.
    await chmod(part, 0o600);
    await rename(part, archive);
    const { sha256 } = await sha256File(archive);
    const checksumFile = `${archive}.sha256`;
    await writeFile(checksumFile, checksumLine(sha256, basename(archive)));
    return { archive, checksumFile, sha256, manifest, keys, objects };
  } finally {
    bucket?.close();
    await rm(staging, { recursive: true, force: true });
    await rm(`${archive}.part`, { force: true });
  }
}
