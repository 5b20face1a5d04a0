import { orgs, opinionMentions, opinionSources, type Executor } from '@xuanlian/db';
import { and, asc, count, eq, gt, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { orgIdFilter, type Scope } from '../../core/scope.ts';
import { queryRows } from '../../core/sql.ts';

export type SourceRow = typeof opinionSources.$inferSelect;
export type SourceWithStats = SourceRow & { orgName: string; itemsLastDay: number };

const withOrg = { source: opinionSources, orgName: orgs.name };

async function itemsLastDay(db: Executor, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: opinionMentions.sourceId, n: count() })
    .from(opinionMentions)
    .where(and(inArray(opinionMentions.sourceId, ids), gt(opinionMentions.fetchedAt, sql`now() - interval '1 day'`)))
    .groupBy(opinionMentions.sourceId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

export async function findSourceInScope(db: Executor, scope: Scope, id: string, opts: { lock?: boolean } = {}): Promise<SourceWithStats | undefined> {
  const q = db
    .select(withOrg)
    .from(opinionSources)
    .innerJoin(orgs, eq(orgs.id, opinionSources.orgId))
    .where(and(eq(opinionSources.id, id), orgIdFilter(scope, opinionSources.orgId)));
  const rows = opts.lock ? await q.for('update', { of: opinionSources }) : await q;
  const r = rows[0];
  if (!r) return undefined;
  const stats = await itemsLastDay(db, [r.source.id]);
  return { ...r.source, orgName: r.orgName, itemsLastDay: stats.get(r.source.id) ?? 0 };
}

export async function findSourceById(db: Executor, id: string): Promise<SourceRow | undefined> {
  const rows = await db.select().from(opinionSources).where(eq(opinionSources.id, id));
  return rows[0];
}

/** Sources by id that lie in the scope (used to check filters that name sources). */
export async function findSourcesInScope(db: Executor, scope: Scope, ids: string[]): Promise<Array<{ id: string; name: string }>> {
  if (ids.length === 0) return [];
  return db
    .select({ id: opinionSources.id, name: opinionSources.name })
    .from(opinionSources)
    .where(and(inArray(opinionSources.id, ids), orgIdFilter(scope, opinionSources.orgId)));
}

export async function sourceNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: opinionSources.id, name: opinionSources.name }).from(opinionSources).where(inArray(opinionSources.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface SourceFilters {
  subtreePath?: string | undefined;
  kind?: string | undefined;
  enabled?: boolean | undefined;
  failing?: boolean | undefined;
  page: number;
  pageSize: number;
}

export async function listSourcesInScope(db: Executor, scope: Scope, f: SourceFilters): Promise<{ rows: SourceWithStats[]; total: number }> {
  const conds: SQL[] = [orgIdFilter(scope, opinionSources.orgId)];
  if (f.subtreePath) conds.push(sql`${orgs.path} like ${`${f.subtreePath}%`}`);
  if (f.kind) conds.push(eq(opinionSources.kind, f.kind));
  if (f.enabled !== undefined) conds.push(eq(opinionSources.enabled, f.enabled));
  if (f.failing !== undefined) conds.push(f.failing ? gt(opinionSources.errorStreak, 0) : eq(opinionSources.errorStreak, 0));
  const where = and(...conds);
  const [rows, totals] = await Promise.all([
    db
      .select(withOrg)
      .from(opinionSources)
      .innerJoin(orgs, eq(orgs.id, opinionSources.orgId))
      .where(where)
      .orderBy(asc(orgs.path), asc(opinionSources.name))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(opinionSources).innerJoin(orgs, eq(orgs.id, opinionSources.orgId)).where(where),
  ]);
  const stats = await itemsLastDay(
    db,
    rows.map((r) => r.source.id),
  );
  return {
    rows: rows.map((r) => ({ ...r.source, orgName: r.orgName, itemsLastDay: stats.get(r.source.id) ?? 0 })),
    total: Number(totals[0]?.n ?? 0),
  };
}

export async function insertSource(tx: Executor, values: typeof opinionSources.$inferInsert): Promise<SourceRow> {
  const rows = await tx.insert(opinionSources).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

/**
 * What still points at a source: its stored mentions (kept as history), and the topics and alert
 * rules that name it in their source filter (dropping it would silently widen them).
 */
export async function sourceUsage(db: Executor, id: string): Promise<{ mentions: number; filters: string[] }> {
  const rows = await queryRows<{ mentions: string; filters: string[] | null }>(
    db,
    sql`select (select count(*) from opinion_mentions m where m.source_id = ${id}) as mentions,
               array(select '专题“' || t.name || '”' from opinion_topics t where ${id} = any(t.source_ids)
                     union all
                     select '专题“' || t.name || '”的预警规则' from opinion_alert_rules r join opinion_topics t on t.id = r.topic_id where ${id} = any(r.source_ids)) as filters`,
  );
  return { mentions: Number(rows[0]?.mentions ?? 0), filters: rows[0]?.filters ?? [] };
}

export async function deleteSourceRow(tx: Executor, id: string): Promise<void> {
  await tx.delete(opinionSources).where(eq(opinionSources.id, id));
}

export async function updateSourceRow(tx: Executor, id: string, set: Partial<typeof opinionSources.$inferInsert>): Promise<SourceRow | undefined> {
  const rows = await tx
    .update(opinionSources)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(opinionSources.id, id))
    .returning();
  return rows[0];
}

/** Due sources, each pushed one interval ahead in the same statement so the next tick skips them. */
export async function claimDueSources(tx: Executor, limit: number): Promise<Array<{ id: string }>> {
  return queryRows<{ id: string }>(
    tx,
    sql`update opinion_sources s set next_fetch_at = now() + make_interval(mins => s.interval_minutes)
        where s.id in (
          select id from opinion_sources
          where enabled and kind <> 'manual' and next_fetch_at <= now()
          order by next_fetch_at limit ${limit} for update skip locked)
        returning s.id::text as id`,
  );
}

export async function dueCount(db: Executor): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(opinionSources)
    .where(and(eq(opinionSources.enabled, true), lte(opinionSources.nextFetchAt, sql`now()`)));
  return Number(rows[0]?.n ?? 0);
}

export interface FetchHealth {
  ok: boolean;
  error?: string | null;
  etag?: string | null;
  lastModified?: string | null;
  stored?: number;
}

/** Records one fetch on the source's health: a success clears the error, a failure extends the streak. */
export async function recordFetch(tx: Executor, id: string, h: FetchHealth): Promise<void> {
  if (h.ok) {
    await tx
      .update(opinionSources)
      .set({
        lastFetchAt: sql`now()`,
        lastSuccessAt: sql`now()`,
        errorStreak: 0,
        lastError: h.error ?? null,
        lastErrorAt: h.error ? sql`now()` : null,
        itemsTotal: sql`${opinionSources.itemsTotal} + ${h.stored ?? 0}`,
        ...(h.etag !== undefined ? { etag: h.etag } : {}),
        ...(h.lastModified !== undefined ? { lastModified: h.lastModified } : {}),
      })
      .where(eq(opinionSources.id, id));
    return;
  }
  await tx
    .update(opinionSources)
    .set({ lastFetchAt: sql`now()`, lastError: h.error ?? '未知错误', lastErrorAt: sql`now()`, errorStreak: sql`${opinionSources.errorStreak} + 1` })
    .where(eq(opinionSources.id, id));
}

export async function orgPathOf(db: Executor, orgId: string): Promise<string> {
  const rows = await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, orgId));
  return rows[0]?.path ?? '/';
}
