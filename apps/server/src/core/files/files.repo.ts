import { inArray } from 'drizzle-orm';
import { fileUploads, files, type Executor } from '@xuanlian/db';
import type { StoredFile } from './file-store.ts';

/**
 * Records a stored blob in the caller's transaction, so the row that references it and the
 * `files` row commit together. The bytes are already on disk (put() returns only after fsync);
 * the same content recorded twice is one row. `uploadedBy` is the person who sent the bytes
 * (null for what the system made or fetched): they may attach it by its hash afterwards.
 */
export async function recordFile(tx: Executor, stored: StoredFile, opts: { uploadedBy: string | null }): Promise<void> {
  await tx.insert(files).values({ sha256: stored.sha256, size: stored.size, mime: stored.mime }).onConflictDoNothing();
  if (opts.uploadedBy) await tx.insert(fileUploads).values({ sha256: stored.sha256, userId: opts.uploadedBy }).onConflictDoNothing();
}

/** Stored size and sniffed type of blobs by hash (the name and caption belong to each use). */
export async function fileMeta(db: Executor, shas: string[]): Promise<Map<string, { mime: string; size: number }>> {
  if (shas.length === 0) return new Map();
  const rows = await db.select().from(files).where(inArray(files.sha256, shas));
  return new Map(rows.map((r) => [r.sha256, { mime: r.mime, size: r.size }]));
}
