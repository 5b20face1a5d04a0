import { orgs, opinionAlertRules, opinionTopics, users, type Executor } from '@xuanlian/db';
import { and, asc, count, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import { orgIdFilter, type Scope } from '../../core/scope.ts';
import { containsPattern, queryRows } from '../../core/sql.ts';

export type TopicRow = typeof opinionTopics.$inferSelect;
export type TopicWithOrg = TopicRow & { orgName: string };

const withOrg = { topic: opinionTopics, orgName: orgs.name };

export async function findTopicInScope(db: Executor, scope: Scope, id: string, opts: { lock?: boolean } = {}): Promise<TopicWithOrg | undefined> {
  const q = db
    .select(withOrg)
    .from(opinionTopics)
    .innerJoin(orgs, eq(orgs.id, opinionTopics.orgId))
    .where(and(eq(opinionTopics.id, id), orgIdFilter(scope, opinionTopics.orgId)));
  const rows = opts.lock ? await q.for('update', { of: opinionTopics }) : await q;
  const r = rows[0];
  return r ? { ...r.topic, orgName: r.orgName } : undefined;
}

export async function findTopicById(db: Executor, id: string): Promise<TopicRow | undefined> {
  const rows = await db.select().from(opinionTopics).where(eq(opinionTopics.id, id));
  return rows[0];
}

export async function listTopicsInScope(
  db: Executor,
  scope: Scope,
  f: { subtreePath?: string | undefined; q?: string | undefined; page: number; pageSize: number },
): Promise<{ rows: TopicWithOrg[]; total: number }> {
  const conds: SQL[] = [orgIdFilter(scope, opinionTopics.orgId)];
  if (f.subtreePath) conds.push(sql`${orgs.path} like ${`${f.subtreePath}%`}`);
  if (f.q) conds.push(ilike(opinionTopics.name, containsPattern(f.q)));
  const where = and(...conds);
  const [rows, totals] = await Promise.all([
    db
      .select(withOrg)
      .from(opinionTopics)
      .innerJoin(orgs, eq(orgs.id, opinionTopics.orgId))
      .where(where)
      .orderBy(asc(orgs.path), asc(opinionTopics.name))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(opinionTopics).innerJoin(orgs, eq(orgs.id, opinionTopics.orgId)).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.topic, orgName: r.orgName })), total: Number(totals[0]?.n ?? 0) };
}

/** Ids of the topics a scope may see (for filtering mentions and alerts by topic ownership). */
export async function topicNames(db: Executor, ids: string[]): Promise<Map<string, { name: string; orgId: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: opinionTopics.id, name: opinionTopics.name, orgId: opinionTopics.orgId }).from(opinionTopics).where(inArray(opinionTopics.id, ids));
  return new Map(rows.map((r) => [r.id, { name: r.name, orgId: r.orgId }]));
}

export async function insertTopic(tx: Executor, values: typeof opinionTopics.$inferInsert): Promise<TopicRow> {
  const rows = await tx.insert(opinionTopics).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateTopicRow(tx: Executor, id: string, set: Partial<typeof opinionTopics.$inferInsert>): Promise<TopicRow | undefined> {
  const rows = await tx
    .update(opinionTopics)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(opinionTopics.id, id))
    .returning();
  return rows[0];
}

/** What a topic has produced: matched mentions, alerts and incidents (history that names it). */
export async function topicUsage(db: Executor, id: string): Promise<{ mentions: number; alerts: number; incidents: number }> {
  const rows = await queryRows<{ mentions: string; alerts: string; incidents: string }>(
    db,
    sql`select (select count(*) from opinion_mention_topics where topic_id = ${id}) as mentions,
               (select count(*) from opinion_alerts where topic_id = ${id}) as alerts,
               (select count(*) from opinion_incidents where topic_id = ${id}) as incidents`,
  );
  const r = rows[0];
  return { mentions: Number(r?.mentions ?? 0), alerts: Number(r?.alerts ?? 0), incidents: Number(r?.incidents ?? 0) };
}

/** Its alert rules go with it (they belong to the topic and have raised nothing). */
export async function deleteTopicRow(tx: Executor, id: string): Promise<void> {
  await tx.delete(opinionTopics).where(eq(opinionTopics.id, id));
}

export async function enabledTopics(db: Executor): Promise<Array<TopicRow & { orgPath: string }>> {
  const rows = await db.select({ topic: opinionTopics, orgPath: orgs.path }).from(opinionTopics).innerJoin(orgs, eq(orgs.id, opinionTopics.orgId)).where(eq(opinionTopics.enabled, true));
  return rows.map((r) => ({ ...r.topic, orgPath: r.orgPath }));
}

/** Changes whenever a topic or alert rule is added or edited: the compiled-set cache key. */
export async function configVersion(db: Executor): Promise<string> {
  const rows = await queryRows<{ v: string }>(
    db,
    sql`select concat_ws('|',
          (select count(*) from opinion_topics), (select max(updated_at) from opinion_topics)::text,
          (select count(*) from ${opinionAlertRules}), (select max(updated_at) from ${opinionAlertRules})::text) as v`,
  );
  return rows[0]?.v ?? '';
}

/** Active users among `ids` whose unit lies in the scope, with their names. */
export async function usersInScope(db: Executor, scope: Scope, ids: string[]): Promise<Array<{ id: string; name: string }>> {
  if (ids.length === 0) return [];
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(inArray(users.id, ids), orgIdFilter(scope, users.orgId)));
}

export async function userNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
