import { manuscriptFiles, manuscripts, type Executor } from '@xuanlian/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { readFilter, type ReadAccess } from './manuscripts.repo.ts';

export interface FileLink {
  sha256: string;
  kind: 'image' | 'attachment';
  name: string;
}

export async function linkFiles(tx: Executor, manuscriptId: string, links: FileLink[]): Promise<void> {
  if (links.length === 0) return;
  await tx
    .insert(manuscriptFiles)
    .values(links.map((l) => ({ manuscriptId, sha256: l.sha256, kind: l.kind, name: l.name })))
    .onConflictDoNothing();
}

export async function linkedShas(db: Executor, manuscriptId: string): Promise<Set<string>> {
  const rows = await db.select({ sha: manuscriptFiles.sha256 }).from(manuscriptFiles).where(eq(manuscriptFiles.manuscriptId, manuscriptId));
  return new Set(rows.map((r) => r.sha));
}

/**
 * Of `shas`, those the actor can already read through some manuscript. Only these may be linked
 * to another manuscript: pasting a file id seen nowhere must not grant access to it.
 */
export async function readableShas(db: Executor, access: ReadAccess, shas: string[]): Promise<Set<string>> {
  if (shas.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ sha: manuscriptFiles.sha256 })
    .from(manuscriptFiles)
    .innerJoin(manuscripts, eq(manuscripts.id, manuscriptFiles.manuscriptId))
    .where(and(inArray(manuscriptFiles.sha256, shas), readFilter(access)));
  return new Set(rows.map((r) => r.sha));
}

/** The stored type of a readable file, or undefined (missing and forbidden look the same). */
export async function readableFile(db: Executor, access: ReadAccess, sha: string): Promise<{ mime: string; size: number; name: string } | undefined> {
  const rows = await db.execute(sql`
    select f.mime, f.size::int as size, mf.name
    from manuscript_files mf
    join manuscripts on manuscripts.id = mf.manuscript_id
    join files f on f.sha256 = mf.sha256
    where mf.sha256 = ${sha} and ${readFilter(access)}
    limit 1`);
  const r = (rows as unknown as { rows: Array<{ mime: string; size: number; name: string }> }).rows[0];
  return r ? { mime: r.mime, size: Number(r.size), name: r.name } : undefined;
}
