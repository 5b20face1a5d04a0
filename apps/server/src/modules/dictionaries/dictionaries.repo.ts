import { leaders, manuscriptCategories, manuscripts, orgs, sensitiveWords, type Executor } from '@xuanlian/db';
import { and, asc, eq, inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { orgIdFilter, type Scope } from '../../core/scope.ts';

export type CategoryRow = typeof manuscriptCategories.$inferSelect & { orgName: string };
export type WordRow = typeof sensitiveWords.$inferSelect & { orgName: string };
export type LeaderRow = typeof leaders.$inferSelect & { orgName: string };

/** Rows owned inside `scope`, or owned by one of `orgIds` (the units above a grant or a manuscript). */
function visible(orgColumn: AnyColumn, scope: Scope | null, orgIds: string[]): SQL {
  const parts: SQL[] = [];
  if (scope) parts.push(orgIdFilter(scope, orgColumn));
  if (orgIds.length > 0) parts.push(sql`${orgColumn} in ${orgIds}`);
  if (parts.length === 0) return sql`false`;
  return or(...parts) ?? sql`false`;
}

// ── categories ────────────────────────────────────────────────────────────────────────────────
export async function listCategories(db: Executor, scope: Scope | null, orgIds: string[], activeOnly = false): Promise<CategoryRow[]> {
  const where = and(visible(manuscriptCategories.orgId, scope, orgIds), activeOnly ? eq(manuscriptCategories.status, 'active') : undefined);
  const rows = await db
    .select({ c: manuscriptCategories, orgName: orgs.name })
    .from(manuscriptCategories)
    .innerJoin(orgs, eq(orgs.id, manuscriptCategories.orgId))
    .where(where)
    .orderBy(asc(orgs.depth), asc(manuscriptCategories.sortOrder), asc(manuscriptCategories.name));
  return rows.map((r) => ({ ...r.c, orgName: r.orgName }));
}

export async function findCategory(db: Executor, id: string, opts: { lock?: boolean } = {}): Promise<CategoryRow | undefined> {
  const q = db.select({ c: manuscriptCategories, orgName: orgs.name }).from(manuscriptCategories).innerJoin(orgs, eq(orgs.id, manuscriptCategories.orgId)).where(eq(manuscriptCategories.id, id));
  const rows = opts.lock ? await q.for('update', { of: manuscriptCategories }) : await q;
  const r = rows[0];
  return r ? { ...r.c, orgName: r.orgName } : undefined;
}

export async function insertCategory(tx: Executor, v: typeof manuscriptCategories.$inferInsert): Promise<string> {
  const rows = await tx.insert(manuscriptCategories).values(v).onConflictDoNothing().returning({ id: manuscriptCategories.id });
  return rows[0]?.id ?? '';
}

export async function updateCategory(tx: Executor, id: string, set: Partial<typeof manuscriptCategories.$inferInsert>): Promise<void> {
  await tx
    .update(manuscriptCategories)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(manuscriptCategories.id, id));
}

export async function categoryInUse(db: Executor, id: string): Promise<boolean> {
  const rows = await db.select({ id: manuscripts.id }).from(manuscripts).where(eq(manuscripts.categoryId, id)).limit(1);
  return rows.length > 0;
}

export async function deleteCategory(tx: Executor, id: string): Promise<void> {
  await tx.delete(manuscriptCategories).where(eq(manuscriptCategories.id, id));
}

// ── sensitive words ───────────────────────────────────────────────────────────────────────────
export async function listWords(db: Executor, scope: Scope | null, orgIds: string[]): Promise<WordRow[]> {
  const rows = await db
    .select({ w: sensitiveWords, orgName: orgs.name })
    .from(sensitiveWords)
    .innerJoin(orgs, eq(orgs.id, sensitiveWords.orgId))
    .where(visible(sensitiveWords.orgId, scope, orgIds))
    .orderBy(asc(orgs.depth), asc(sensitiveWords.word));
  return rows.map((r) => ({ ...r.w, orgName: r.orgName }));
}

export async function findWord(db: Executor, id: string): Promise<WordRow | undefined> {
  const rows = await db.select({ w: sensitiveWords, orgName: orgs.name }).from(sensitiveWords).innerJoin(orgs, eq(orgs.id, sensitiveWords.orgId)).where(eq(sensitiveWords.id, id));
  const r = rows[0];
  return r ? { ...r.w, orgName: r.orgName } : undefined;
}

export async function insertWord(tx: Executor, v: typeof sensitiveWords.$inferInsert): Promise<string> {
  const rows = await tx.insert(sensitiveWords).values(v).onConflictDoNothing().returning({ id: sensitiveWords.id });
  return rows[0]?.id ?? '';
}

export async function updateWord(tx: Executor, id: string, set: Partial<typeof sensitiveWords.$inferInsert>): Promise<boolean> {
  const rows = await tx
    .update(sensitiveWords)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(sensitiveWords.id, id))
    .returning({ id: sensitiveWords.id });
  return rows.length > 0;
}

export async function deleteWord(tx: Executor, id: string): Promise<void> {
  await tx.delete(sensitiveWords).where(eq(sensitiveWords.id, id));
}

// ── leaders ───────────────────────────────────────────────────────────────────────────────────
export async function listLeaders(db: Executor, scope: Scope | null, orgIds: string[]): Promise<LeaderRow[]> {
  const rows = await db
    .select({ l: leaders, orgName: orgs.name })
    .from(leaders)
    .innerJoin(orgs, eq(orgs.id, leaders.orgId))
    .where(visible(leaders.orgId, scope, orgIds))
    .orderBy(asc(orgs.depth), asc(leaders.sortOrder), asc(leaders.name));
  return rows.map((r) => ({ ...r.l, orgName: r.orgName }));
}

export async function findLeader(db: Executor, id: string): Promise<LeaderRow | undefined> {
  const rows = await db.select({ l: leaders, orgName: orgs.name }).from(leaders).innerJoin(orgs, eq(orgs.id, leaders.orgId)).where(eq(leaders.id, id));
  const r = rows[0];
  return r ? { ...r.l, orgName: r.orgName } : undefined;
}

export async function insertLeader(tx: Executor, v: typeof leaders.$inferInsert): Promise<string> {
  const rows = await tx.insert(leaders).values(v).onConflictDoNothing().returning({ id: leaders.id });
  return rows[0]?.id ?? '';
}

export async function updateLeader(tx: Executor, id: string, set: Partial<typeof leaders.$inferInsert>): Promise<boolean> {
  const rows = await tx
    .update(leaders)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(leaders.id, id))
    .returning({ id: leaders.id });
  return rows.length > 0;
}

export async function deleteLeader(tx: Executor, id: string): Promise<void> {
  await tx.delete(leaders).where(eq(leaders.id, id));
}

/** A rename onto an existing entry of the same unit (drivers put the code on the error or its cause). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e.code === '23505' || e.cause?.code === '23505';
}

/** Fingerprint of the wording dictionaries for a set of units: changes whenever an entry does. */
export async function wordingFingerprint(db: Executor, orgIds: string[]): Promise<string> {
  if (orgIds.length === 0) return 'none';
  const rows = await db.execute(sql`
    select (select count(*)::int from sensitive_words where org_id in ${orgIds}) as wn,
           (select coalesce(max(updated_at), 'epoch')::text from sensitive_words where org_id in ${orgIds}) as wt,
           (select count(*)::int from leaders where org_id in ${orgIds}) as ln,
           (select coalesce(max(updated_at), 'epoch')::text from leaders where org_id in ${orgIds}) as lt`);
  const r = (rows as unknown as { rows: Array<Record<string, unknown>> }).rows[0] ?? {};
  return `${orgIds.join(',')}|${String(r.wn)}|${String(r.wt)}|${String(r.ln)}|${String(r.lt)}`;
}

export async function orgsByIds(db: Executor, ids: string[]): Promise<Array<{ id: string; path: string; name: string }>> {
  if (ids.length === 0) return [];
  return db.select({ id: orgs.id, path: orgs.path, name: orgs.name }).from(orgs).where(inArray(orgs.id, ids));
}
