import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { extract } from 'tar';
import type { StorageConfig } from '../../config/env.ts';
import { fileStoreDirOf } from './create-backup.ts';
import { openBucket } from '../files/index.ts';
import { missingFromBucket, parseBucketObjects } from './bucket-objects.ts';
import {
  ARCHIVE_DIRS,
  BackupError,
  BUCKET_ENTRY,
  DATA_DIR_KEYS,
  DATABASE_ENTRY,
  MANIFEST_NAME,
  SHA256_HEX,
  parseChecksumLine,
  parseManifest,
  sha256File,
  type BackupManifest,
  type DatabaseEngine,
} from './manifest.ts';
import { pgliteContents, restorePglite } from './pglite-dump.ts';
import { postgresContents, restorePostgres } from './postgres-dump.ts';
import { countDifferences } from './row-counts.ts';
import { checkpointFiles, copyInto, storeBlobs, walkFiles } from './staging.ts';

export interface RestoreResult {
  manifest: BackupManifest;
  tables: Record<string, number>;
  files: number;
  /** With FILE_STORE=s3: the objects the archive lists, each found whole in the bucket. */
  objects: number;
  checkpoints: number;
}

const NOTHING_WRITTEN = '未写入任何数据';
const ENGINE_LABEL: Record<DatabaseEngine, string> = { pglite: '嵌入式数据库（PGlite）', postgresql: 'PostgreSQL' };

/** The archive's SHA-256 against ARCHIVE.sha256, before a single byte of it is unpacked. */
async function verifyChecksum(archive: string): Promise<void> {
  if (!existsSync(archive)) throw new BackupError(`备份文件不存在：${archive}`);
  const sumFile = `${archive}.sha256`;
  if (!existsSync(sumFile)) throw new BackupError(`缺少校验和文件 ${sumFile}：无法确认备份完整，${NOTHING_WRITTEN}`);
  const expected = parseChecksumLine(await readFile(sumFile, 'utf8'));
  if (!expected) throw new BackupError(`校验和文件 ${sumFile} 格式不正确（应为 64 位十六进制 SHA-256），${NOTHING_WRITTEN}`);
  const { sha256 } = await sha256File(archive);
  if (sha256 !== expected) {
    throw new BackupError(`备份文件校验失败：${basename(archive)} 的 SHA-256 与 ${basename(sumFile)} 不符，备份已损坏或不完整（如被截断），${NOTHING_WRITTEN}`);
  }
}

/** Only the parts the manifest may name: the database dump, blobs under their hash, checkpoints, dev keys. */
function expectedPath(path: string, manifest: BackupManifest): boolean {
  if (path === DATABASE_ENTRY[manifest.engine]) return true;
  if (path === BUCKET_ENTRY) return manifest.fileStore === 's3';
  const parts = path.split('/');
  const [dir, a, b, name] = parts;
  if (dir === ARCHIVE_DIRS.files) return parts.length === 4 && name !== undefined && SHA256_HEX.test(name) && a === name.slice(0, 2) && b === name.slice(2, 4);
  if (dir === ARCHIVE_DIRS.checkpoints) return parts.length === 2 && /^checkpoints-[\w-]+\.jsonl$/.test(a ?? '');
  if (dir === ARCHIVE_DIRS.keys) return parts.length === 2 && (DATA_DIR_KEYS as readonly string[]).includes(a ?? '');
  return false;
}

/** Every entry's hash and size against the manifest, every blob against its own name, nothing unlisted. */
async function verifyEntries(staging: string, manifest: BackupManifest): Promise<void> {
  const listed = new Set(manifest.entries.map((e) => e.path));
  if (!listed.has(DATABASE_ENTRY[manifest.engine])) throw new BackupError(`备份中缺少数据库导出文件 ${DATABASE_ENTRY[manifest.engine]}，${NOTHING_WRITTEN}`);
  for (const path of await walkFiles(staging)) {
    if (path !== MANIFEST_NAME && !listed.has(path)) throw new BackupError(`备份中有清单未列出的文件 ${path}，备份可能被篡改，${NOTHING_WRITTEN}`);
  }
  for (const e of manifest.entries) {
    if (!expectedPath(e.path, manifest)) throw new BackupError(`备份清单中有不应出现的条目 ${e.path}，${NOTHING_WRITTEN}`);
    const file = join(staging, e.path);
    if (!existsSync(file)) throw new BackupError(`备份中缺少清单所列的文件 ${e.path}，备份不完整，${NOTHING_WRITTEN}`);
    const actual = await sha256File(file);
    if (actual.sha256 !== e.sha256 || actual.size !== e.size) throw new BackupError(`备份内容校验失败：${e.path} 的 SHA-256 与清单不符，备份已损坏或被篡改，${NOTHING_WRITTEN}`);
    if (e.path.startsWith(`${ARCHIVE_DIRS.files}/`) && basename(e.path) !== e.sha256) throw new BackupError(`备份中的文件 ${e.path} 与其内容哈希不符，${NOTHING_WRITTEN}`);
  }
}

const some = (names: string[]) => `${names.slice(0, 3).join('、')}${names.length > 3 ? ` 等 ${names.length} 项` : ''}`;

/** A restore never merges: the database, the file store, the checkpoints and the keys must all be new. */
async function refuseNonEmpty(storage: StorageConfig, manifest: BackupManifest, staging: string): Promise<void> {
  const target: DatabaseEngine = storage.databaseUrl ? 'postgresql' : 'pglite';
  if (target !== manifest.engine) {
    throw new BackupError(
      `该备份来自${ENGINE_LABEL[manifest.engine]}，当前配置的是${ENGINE_LABEL[target]}（${storage.databaseUrl ? '已' : '未'}设置 DATABASE_URL）：请按备份时的数据库类型配置后再恢复，${NOTHING_WRITTEN}`,
    );
  }
  if (storage.databaseUrl) {
    const relations = await postgresContents(storage.databaseUrl);
    if (relations.length > 0) {
      throw new BackupError(
        `目标数据库不是空库（已有 ${relations.length} 个表或序列，如 ${some(relations)}）：恢复只写入新建的空数据库。请新建一个空数据库并让 DATABASE_URL 指向它（不要先启动宣联服务），${NOTHING_WRITTEN}`,
      );
    }
  } else {
    const found = await pgliteContents(storage.dataDir);
    if (found.length > 0) throw new BackupError(`目标数据目录 ${storage.dataDir} 中已有嵌入式数据库：恢复只写入空的数据目录，请为 DATA_DIR 指定一个新的空目录，${NOTHING_WRITTEN}`);
  }
  const fromBucket = manifest.fileStore === 's3';
  if (fromBucket !== (storage.fileStore?.kind === 's3')) {
    throw new BackupError(
      fromBucket
        ? `该备份的文件保存在对象存储中（备份只含对象清单），当前配置的是本机文件库：请按备份时的设置配置 FILE_STORE=s3 及 S3_* 后再恢复，${NOTHING_WRITTEN}`
        : `该备份的文件在备份文件中，当前配置的是对象存储（FILE_STORE=s3）：请先以本机文件库（FILE_STORE=local）恢复，再用 npm run files:to-s3 迁入存储桶，${NOTHING_WRITTEN}`,
    );
  }
  const blobs = fromBucket ? [] : await storeBlobs(fileStoreDirOf(storage.dataDir));
  if (blobs.length > 0) throw new BackupError(`目标文件库 ${fileStoreDirOf(storage.dataDir)} 不是空的（已有 ${blobs.length} 个文件）：恢复只写入空的文件库，${NOTHING_WRITTEN}`);
  const cps = await checkpointFiles(storage.auditCheckpointDir);
  if (cps.length > 0) throw new BackupError(`审计校验点目录 ${storage.auditCheckpointDir} 不是空的（已有 ${some(cps)}）：恢复只写入空目录，${NOTHING_WRITTEN}`);
  for (const k of DATA_DIR_KEYS) {
    const theirs = join(staging, ARCHIVE_DIRS.keys, k);
    const ours = join(storage.dataDir, k);
    if (existsSync(theirs) && existsSync(ours) && (await readFile(theirs, 'utf8')) !== (await readFile(ours, 'utf8'))) {
      throw new BackupError(`目标数据目录中已有另一把密钥 ${ours}：它与备份中的不同，恢复后将无法校验审计日志，请使用新的空数据目录，${NOTHING_WRITTEN}`);
    }
  }
}

/** A bucket is not restored into: it must already hold every object the backup lists, whole. */
async function verifyBucket(storage: StorageConfig, staging: string): Promise<number> {
  if (storage.fileStore?.kind !== 's3') return 0;
  const objects = parseBucketObjects(await readFile(join(staging, BUCKET_ENTRY), 'utf8'));
  const bucket = openBucket(storage.fileStore);
  try {
    await bucket.check().catch((err: unknown) => {
      throw new BackupError(`${(err as Error).message}，${NOTHING_WRITTEN}`);
    });
    const problems = await missingFromBucket(bucket, objects);
    if (problems.length > 0) {
      throw new BackupError(`存储桶“${storage.fileStore.bucket}”没有备份清单所列的 ${problems.length} 个对象：${some(problems)}。请先从存储桶的版本或副本中恢复这些对象，${NOTHING_WRITTEN}`);
    }
    return objects.length;
  } finally {
    bucket.close();
  }
}

/** Copies a staged file to its final name through a temporary one on the same filesystem. */
async function place(from: string, to: string, mode?: number): Promise<void> {
  const temp = join(dirname(to), `.${randomUUID()}.part`);
  await copyInto(from, temp);
  if (mode !== undefined) await chmod(temp, mode);
  await rename(temp, to);
}

/**
 * Verifies the archive completely (its checksum, then every entry against the manifest), refuses
 * a target that holds anything, then restores the database, the file store, the checkpoint files
 * and any development keys, and counts every table against the manifest.
 */
export async function restoreBackup({ storage, from }: { storage: StorageConfig; from: string }): Promise<RestoreResult> {
  const archive = resolve(from);
  await verifyChecksum(archive);
  const staging = await mkdtemp(join(tmpdir(), 'xuanlian-restore-'));
  try {
    try {
      // Regular files and folders only: a link in a crafted archive could point outside the staging folder.
      await extract({ file: archive, cwd: staging, strict: true, filter: (_path, entry) => 'type' in entry && (entry.type === 'File' || entry.type === 'Directory') });
    } catch (err) {
      throw new BackupError(`备份文件无法解开（${err instanceof Error ? err.message : String(err)}），备份已损坏，${NOTHING_WRITTEN}`);
    }
    if (!existsSync(join(staging, MANIFEST_NAME))) throw new BackupError(`备份中缺少清单 ${MANIFEST_NAME}：该文件不是宣联备份，${NOTHING_WRITTEN}`);
    const manifest = parseManifest(await readFile(join(staging, MANIFEST_NAME), 'utf8'));
    await verifyEntries(staging, manifest);
    await refuseNonEmpty(storage, manifest, staging);
    const objects = await verifyBucket(storage, staging);

    const dump = join(staging, DATABASE_ENTRY[manifest.engine]);
    const tables = storage.databaseUrl ? await restorePostgres(storage.databaseUrl, dump) : await restorePglite(storage.dataDir, dump);
    const differences = countDifferences(manifest.tables, tables);
    if (differences.length > 0) throw new BackupError(`数据库已恢复，但行数与备份清单不符：\n  ${differences.join('\n  ')}`);

    let files = 0;
    let checkpoints = 0;
    for (const e of manifest.entries) {
      const [dir, ...rest] = e.path.split('/');
      const from = join(staging, e.path);
      if (dir === ARCHIVE_DIRS.files) {
        await place(from, join(fileStoreDirOf(storage.dataDir), ...rest));
        files++;
      } else if (dir === ARCHIVE_DIRS.checkpoints) {
        await mkdir(storage.auditCheckpointDir, { recursive: true });
        await place(from, join(storage.auditCheckpointDir, ...rest), 0o640);
        checkpoints++;
      } else if (dir === ARCHIVE_DIRS.keys) {
        const to = join(storage.dataDir, ...rest);
        if (!existsSync(to)) await place(from, to, 0o600);
      }
    }
    return { manifest, tables, files, objects, checkpoints };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
