import { alertDeliveries, opinionAlertRules, opinionAlerts, opinionMentionTopics, opinionMentions, opinionTopics, orgs, users, type Executor } from '@xuanlian/db';
import { ROLES, roleHasPermission } from '@xuanlian/contracts';
import { and, asc, count, desc, eq, gt, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { orgIdFilter, type Scope } from '../../core/scope.ts';
import { queryRows } from '../../core/sql.ts';

export type AlertRuleRow = typeof opinionAlertRules.$inferSelect;
export type AlertRow = typeof opinionAlerts.$inferSelect;
export type AlertWithTopic = AlertRow & { topicName: string };

export async function rulesForTopics(db: Executor, topicIds: string[]): Promise<AlertRuleRow[]> {
  if (topicIds.length === 0) return [];
  return db
    .select()
    .from(opinionAlertRules)
    .where(and(inArray(opinionAlertRules.topicId, topicIds), eq(opinionAlertRules.enabled, true)))
    .orderBy(asc(opinionAlertRules.createdAt));
}

/** Alert evaluation is serialised: two batches racing must not both open the same episode. */
export async function lockAlertEvaluation(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('xuanlian.opinion.alerts'))`);
}

export async function insertAlertIfNew(tx: Executor, values: typeof opinionAlerts.$inferInsert): Promise<AlertRow | undefined> {
  const rows = await tx.insert(opinionAlerts).values(values).onConflictDoNothing({ target: opinionAlerts.dedupeKey }).returning();
  return rows[0];
}

/** A known cluster or episode grew: count up, keep up to 20 example mentions, never a new alert. */
export async function growAlert(tx: Executor, key: string, set: { count?: number; add?: number; lastAt: Date; mentionIds: string[] }): Promise<void> {
  const ids = `{${set.mentionIds.join(',')}}`;
  await tx
    .update(opinionAlerts)
    .set({
      count: set.count !== undefined ? sql`greatest(${opinionAlerts.count}, ${set.count})` : sql`${opinionAlerts.count} + ${set.add ?? 0}`,
      lastAt: sql`greatest(${opinionAlerts.lastAt}, ${set.lastAt.toISOString()}::timestamptz)`,
      mentionIds: sql`(select array(select distinct x from unnest(${opinionAlerts.mentionIds} || ${ids}::uuid[]) x limit 20))`,
    })
    .where(eq(opinionAlerts.dedupeKey, key));
}

export async function countNegative(tx: Executor, topicId: string, since: Date): Promise<number> {
  const rows = await tx
    .select({ n: count() })
    .from(opinionMentionTopics)
    .where(and(eq(opinionMentionTopics.topicId, topicId), eq(opinionMentionTopics.negative, true), gt(opinionMentionTopics.occurredAt, since)));
  return Number(rows[0]?.n ?? 0);
}

export async function firstNegative(tx: Executor, topicId: string, since: Date): Promise<{ mentionId: string; clusterId: string; occurredAt: Date } | undefined> {
  const rows = await tx
    .select({ mentionId: opinionMentionTopics.mentionId, clusterId: opinionMentions.clusterId, occurredAt: opinionMentionTopics.occurredAt })
    .from(opinionMentionTopics)
    .innerJoin(opinionMentions, eq(opinionMentions.id, opinionMentionTopics.mentionId))
    .where(and(eq(opinionMentionTopics.topicId, topicId), eq(opinionMentionTopics.negative, true), gt(opinionMentionTopics.occurredAt, since)))
    .orderBy(asc(opinionMentionTopics.occurredAt), asc(opinionMentionTopics.mentionId))
    .limit(1);
  return rows[0];
}

/** The rule's episode still running: an alert whose last qualifying mention is inside the window. */
export async function openEpisode(tx: Executor, ruleId: string, since: Date): Promise<AlertRow | undefined> {
  const rows = await tx
    .select()
    .from(opinionAlerts)
    .where(and(eq(opinionAlerts.ruleId, ruleId), gt(opinionAlerts.lastAt, since)))
    .orderBy(desc(opinionAlerts.lastAt))
    .limit(1);
  return rows[0];
}

/** Active users holding opinion.monitor over the unit (at it or above): the default recipients. */
export async function monitorsCovering(tx: Executor, orgId: string): Promise<string[]> {
  const roles = ROLES.filter((r) => roleHasPermission(r, 'opinion.monitor'));
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select distinct u.id::text as id
        from users u join role_grants g on g.user_id = u.id join orgs go on go.id = g.org_id
        where u.status = 'active' and g.role in (${sql.join(
          roles.map((r) => sql`${r}`),
          sql`, `,
        )})
          and (select path from orgs where id = ${orgId}) like go.path || '%'`,
  );
  return rows.map((r) => r.id);
}

export async function activeUsers(tx: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.status, 'active')));
  return rows.map((r) => r.id);
}

export async function insertDeliveries(tx: Executor, rows: Array<typeof alertDeliveries.$inferInsert>): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(alertDeliveries).values(rows).onConflictDoNothing();
}

/** Held deliveries whose quiet hours are over become visible; returns how many. */
export async function releaseHeld(tx: Executor, now: Date): Promise<number> {
  const rows = await tx
    .update(alertDeliveries)
    .set({ status: 'delivered', deliveredAt: sql`${alertDeliveries.deliverAt}` })
    .where(and(eq(alertDeliveries.status, 'held'), lte(alertDeliveries.deliverAt, now)))
    .returning({ id: alertDeliveries.id });
  return rows.length;
}

// ---- rules CRUD and reads ----

const ruleWithTopic = { rule: opinionAlertRules, topicName: opinionTopics.name, orgId: opinionTopics.orgId };

export async function findRuleInScope(db: Executor, scope: Scope, id: string) {
  const rows = await db
    .select(ruleWithTopic)
    .from(opinionAlertRules)
    .innerJoin(opinionTopics, eq(opinionTopics.id, opinionAlertRules.topicId))
    .where(and(eq(opinionAlertRules.id, id), orgIdFilter(scope, opinionTopics.orgId)));
  const r = rows[0];
  return r ? { ...r.rule, topicName: r.topicName, orgId: r.orgId } : undefined;
}

export async function listRulesInScope(db: Executor, scope: Scope, topicId?: string) {
  const conds: SQL[] = [orgIdFilter(scope, opinionTopics.orgId)];
  if (topicId) conds.push(eq(opinionAlertRules.topicId, topicId));
  const rows = await db
    .select(ruleWithTopic)
    .from(opinionAlertRules)
    .innerJoin(opinionTopics, eq(opinionTopics.id, opinionAlertRules.topicId))
    .where(and(...conds))
    .orderBy(asc(opinionTopics.name), asc(opinionAlertRules.createdAt));
  return rows.map((r) => ({ ...r.rule, topicName: r.topicName, orgId: r.orgId }));
}

export async function insertRule(tx: Executor, values: typeof opinionAlertRules.$inferInsert): Promise<AlertRuleRow> {
  const rows = await tx.insert(opinionAlertRules).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateRuleRow(tx: Executor, id: string, set: Partial<typeof opinionAlertRules.$inferInsert>): Promise<AlertRuleRow | undefined> {
  const rows = await tx
    .update(opinionAlertRules)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(opinionAlertRules.id, id))
    .returning();
  return rows[0];
}

const alertWithTopic = { alert: opinionAlerts, topicName: opinionTopics.name, orgId: opinionTopics.orgId };

export async function findAlertInScope(db: Executor, scope: Scope, id: string) {
  const rows = await db
    .select(alertWithTopic)
    .from(opinionAlerts)
    .innerJoin(opinionTopics, eq(opinionTopics.id, opinionAlerts.topicId))
    .where(and(eq(opinionAlerts.id, id), orgIdFilter(scope, opinionTopics.orgId)));
  const r = rows[0];
  return r ? { ...r.alert, topicName: r.topicName, orgId: r.orgId } : undefined;
}

export async function listAlertsInScope(
  db: Executor,
  scope: Scope,
  f: { topicId?: string | undefined; status?: string | undefined; severity?: string | undefined; page: number; pageSize: number },
): Promise<{ rows: AlertWithTopic[]; total: number }> {
  const conds: SQL[] = [orgIdFilter(scope, opinionTopics.orgId)];
  if (f.topicId) conds.push(eq(opinionAlerts.topicId, f.topicId));
  if (f.status) conds.push(eq(opinionAlerts.status, f.status));
  if (f.severity) conds.push(eq(opinionAlerts.severity, f.severity));
  const where = and(...conds);
  const [rows, totals] = await Promise.all([
    db
      .select(alertWithTopic)
      .from(opinionAlerts)
      .innerJoin(opinionTopics, eq(opinionTopics.id, opinionAlerts.topicId))
      .where(where)
      .orderBy(desc(opinionAlerts.createdAt))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(opinionAlerts).innerJoin(opinionTopics, eq(opinionTopics.id, opinionAlerts.topicId)).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.alert, topicName: r.topicName })), total: Number(totals[0]?.n ?? 0) };
}

export async function acknowledgeAlertRow(tx: Executor, id: string, by: { id: string | null; name: string }): Promise<AlertRow | undefined> {
  const rows = await tx
    .update(opinionAlerts)
    .set({ status: 'acknowledged', acknowledgedBy: by.id, acknowledgedByName: by.name, acknowledgedAt: new Date() })
    .where(and(eq(opinionAlerts.id, id), eq(opinionAlerts.status, 'open')))
    .returning();
  return rows[0];
}

export async function inboxOf(db: Executor, userId: string, f: { unread?: boolean | undefined; page: number; pageSize: number }) {
  const conds: SQL[] = [eq(alertDeliveries.userId, userId), eq(alertDeliveries.status, 'delivered')];
  if (f.unread) conds.push(isNull(alertDeliveries.readAt));
  const where = and(...conds);
  const [rows, totals, unread] = await Promise.all([
    db
      .select({ delivery: alertDeliveries, alert: opinionAlerts, topicName: opinionTopics.name })
      .from(alertDeliveries)
      .innerJoin(opinionAlerts, eq(opinionAlerts.id, alertDeliveries.alertId))
      .innerJoin(opinionTopics, eq(opinionTopics.id, opinionAlerts.topicId))
      .where(where)
      .orderBy(desc(alertDeliveries.deliveredAt))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(alertDeliveries).where(where),
    db
      .select({ n: count() })
      .from(alertDeliveries)
      .where(and(eq(alertDeliveries.userId, userId), eq(alertDeliveries.status, 'delivered'), isNull(alertDeliveries.readAt))),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0), unread: Number(unread[0]?.n ?? 0) };
}

export async function markDeliveryRead(tx: Executor, userId: string, id: string): Promise<boolean> {
  const rows = await tx
    .update(alertDeliveries)
    .set({ readAt: sql`coalesce(${alertDeliveries.readAt}, now())` })
    .where(and(eq(alertDeliveries.id, id), eq(alertDeliveries.userId, userId), eq(alertDeliveries.status, 'delivered')))
    .returning({ id: alertDeliveries.id });
  return rows.length > 0;
}

export async function orgNameOf(db: Executor, id: string): Promise<string | undefined> {
  const rows = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, id));
  return rows[0]?.name;
}

export async function alertsCount(db: Executor, scope: Scope, from: Date, to: Date): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(opinionAlerts)
    .innerJoin(opinionTopics, eq(opinionTopics.id, opinionAlerts.topicId))
    .where(and(orgIdFilter(scope, opinionTopics.orgId), sql`${opinionAlerts.createdAt} >= ${from.toISOString()}::timestamptz`, sql`${opinionAlerts.createdAt} < ${to.toISOString()}::timestamptz`));
  return Number(rows[0]?.n ?? 0);
}
