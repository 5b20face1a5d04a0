import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** What `npm run backup` writes into the archive next to the entries it lists. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  engine: DatabaseEngine;
  /** PGlite's package version or the PostgreSQL server's version: a PGlite data dir only loads into the same major. */
  engineVersion: string;
  /** Rows per table (`schema.table`) in the dumped snapshot; the restore counts again and compares. */
  tables: Record<string, number>;
  entries: ManifestEntry[];
  /** 's3': the files stayed in the bucket and BUCKET_ENTRY lists them; absent: they are in the archive. */
  fileStore?: 'local' | 's3';
}

export type DatabaseEngine = 'pglite' | 'postgresql';

export interface ManifestEntry {
  path: string;
  size: number;
  sha256: string;
}

export const BACKUP_FORMAT = 'xuanlian-backup';
export const MANIFEST_NAME = 'manifest.json';

/** Where each part lives inside the archive. */
export const ARCHIVE_DIRS = { database: 'database', files: 'files', checkpoints: 'audit-checkpoints', keys: 'keys', bucket: 'bucket' } as const;

/** With FILE_STORE=s3: every object of the bucket as key, size and SHA-256 (read back when backed up). */
export const BUCKET_ENTRY = `${ARCHIVE_DIRS.bucket}/objects.json`;

export const DATABASE_ENTRY: Record<DatabaseEngine, string> = {
  pglite: `${ARCHIVE_DIRS.database}/pglite-datadir.tar`,
  postgresql: `${ARCHIVE_DIRS.database}/postgresql.dump`,
};

/** Development keys that sit in DATA_DIR (production refuses to start with them there). */
export const DATA_DIR_KEYS = ['audit-hmac.key', 'audit-signing.key'] as const;

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A user-facing failure of backup or restore; the message is the whole story, in 中文. */
export class BackupError extends Error {
  override name = 'BackupError';
}

export async function sha256File(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** `sha256sum` format, so an operator can also check the archive with `sha256sum -c FILE.sha256`. */
export function checksumLine(sha256: string, archiveName: string): string {
  return `${sha256}  ${archiveName}\n`;
}

export function parseChecksumLine(text: string): string | null {
  const m = /^([0-9a-fA-F]{64})\s/.exec(text.trim() + ' ');
  return m?.[1]?.toLowerCase() ?? null;
}

function isEntry(v: unknown): v is ManifestEntry {
  const e = v as Partial<ManifestEntry>;
  return typeof e?.path === 'string' && Number.isSafeInteger(e.size) && typeof e.sha256 === 'string' && SHA256_HEX.test(e.sha256);
}

/** The manifest, or a BackupError saying the archive is not one of ours. */
export function parseManifest(text: string): BackupManifest {
  let m: Partial<BackupManifest>;
  try {
    m = JSON.parse(text) as Partial<BackupManifest>;
  } catch {
    throw new BackupError('备份清单 manifest.json 无法解析：该文件不是宣联备份或已损坏，未写入任何数据');
  }
  if (m.format !== BACKUP_FORMAT) throw new BackupError('该文件不是宣联备份（缺少备份格式标识），未写入任何数据');
  if (m.version !== 1) throw new BackupError(`备份格式版本 ${String(m.version)} 不受支持（本程序支持版本 1），未写入任何数据`);
  const countsOk = typeof m.tables === 'object' && m.tables !== null && Object.values(m.tables).every((n) => Number.isSafeInteger(n));
  if ((m.engine !== 'pglite' && m.engine !== 'postgresql') || !Array.isArray(m.entries) || !m.entries.every(isEntry) || !countsOk) {
    throw new BackupError('备份清单 manifest.json 内容不完整，未写入任何数据');
  }
  return m as BackupManifest;
}
