import { manuscriptVersions, type Executor } from '@xuanlian/db';
import { and, asc, desc, eq } from 'drizzle-orm';

export type VersionRow = typeof manuscriptVersions.$inferSelect;

export async function latestVersion(db: Executor, manuscriptId: string): Promise<VersionRow | undefined> {
  const rows = await db.select().from(manuscriptVersions).where(eq(manuscriptVersions.manuscriptId, manuscriptId)).orderBy(desc(manuscriptVersions.version)).limit(1);
  return rows[0];
}

export async function insertVersion(tx: Executor, v: typeof manuscriptVersions.$inferInsert): Promise<VersionRow> {
  const rows = await tx.insert(manuscriptVersions).values(v).returning();
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateVersion(tx: Executor, id: string, set: Partial<Pick<VersionRow, 'title' | 'bodyHtml' | 'sealed'>>): Promise<void> {
  await tx
    .update(manuscriptVersions)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(manuscriptVersions.id, id));
}

export async function listVersionsOf(db: Executor, manuscriptId: string): Promise<VersionRow[]> {
  return db.select().from(manuscriptVersions).where(eq(manuscriptVersions.manuscriptId, manuscriptId)).orderBy(asc(manuscriptVersions.version));
}

export async function findVersion(db: Executor, manuscriptId: string, version: number): Promise<VersionRow | undefined> {
  const rows = await db
    .select()
    .from(manuscriptVersions)
    .where(and(eq(manuscriptVersions.manuscriptId, manuscriptId), eq(manuscriptVersions.version, version)));
  return rows[0];
}
