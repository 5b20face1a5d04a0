import { notificationChannels, notificationDeliveries, notificationPreferences, orgs, users, type Executor } from '@xuanlian/db';
import { and, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../../core/scope.ts';
import { pathFilter } from '../../core/scope.ts';

export type DeliveryRow = typeof notificationDeliveries.$inferSelect;
export type NewDelivery = typeof notificationDeliveries.$inferInsert;
export type ChannelRow = typeof notificationChannels.$inferSelect;

export interface RecipientUser {
  id: string;
  orgId: string;
  orgPath: string;
  email: string | null;
}

export async function recipientUsers(tx: Executor, ids: string[]): Promise<RecipientUser[]> {
  if (ids.length === 0) return [];
  return tx.select({ id: users.id, orgId: users.orgId, orgPath: orgs.path, email: users.email }).from(users).innerJoin(orgs, eq(orgs.id, users.orgId)).where(inArray(users.id, ids));
}

/** Explicit choices for one kind; absent rows fall back to the defaults. */
export async function preferencesFor(tx: Executor, userIds: string[], kind: string): Promise<Map<string, boolean>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(notificationPreferences)
    .where(and(inArray(notificationPreferences.userId, userIds), eq(notificationPreferences.kind, kind)));
  return new Map(rows.map((r) => [`${r.userId}:${r.channel}`, r.enabled]));
}

export async function preferencesOf(db: Executor, userId: string) {
  return db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
}

export async function upsertPreferences(tx: Executor, rows: Array<{ userId: string; kind: string; channel: string; enabled: boolean }>): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(notificationPreferences)
    .values(rows.map((r) => ({ ...r, updatedAt: new Date() })))
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind, notificationPreferences.channel],
      set: { enabled: sql`excluded.enabled`, updatedAt: sql`excluded.updated_at` },
    });
}

/** The enabled SMTP server nearest above (or at) each path: a unit may run its own, else the city's. */
export async function smtpChannelFor(tx: Executor, orgPath: string): Promise<ChannelRow | null> {
  const rows = await tx
    .select({ channel: notificationChannels })
    .from(notificationChannels)
    .innerJoin(orgs, eq(orgs.id, notificationChannels.orgId))
    .where(and(eq(notificationChannels.kind, 'smtp'), eq(notificationChannels.enabled, true), sql`${orgPath} like ${orgs.path} || '%'`))
    .orderBy(sql`length(${orgs.path}) desc`)
    .limit(1);
  return rows[0]?.channel ?? null;
}

/** The enabled robots of these units that take this kind. */
export async function robotsFor(tx: Executor, orgIds: string[], kind: string): Promise<ChannelRow[]> {
  if (orgIds.length === 0) return [];
  return tx
    .select()
    .from(notificationChannels)
    .where(
      and(
        inArray(notificationChannels.orgId, orgIds),
        inArray(notificationChannels.kind, ['wecom', 'dingtalk', 'feishu']),
        eq(notificationChannels.enabled, true),
        sql`(cardinality(${notificationChannels.kinds}) = 0 or ${kind} = any(${notificationChannels.kinds}))`,
      ),
    );
}

/** One row per delivery key; a repeat of the same event inserts nothing and so enqueues nothing. */
export async function insertDeliveries(tx: Executor, rows: NewDelivery[]): Promise<Array<{ id: string; channel: string; deliveryKey: string }>> {
  if (rows.length === 0) return [];
  return tx
    .insert(notificationDeliveries)
    .values(rows)
    .onConflictDoNothing({ target: notificationDeliveries.deliveryKey })
    .returning({ id: notificationDeliveries.id, channel: notificationDeliveries.channel, deliveryKey: notificationDeliveries.deliveryKey });
}

export async function findDelivery(db: Executor, id: string): Promise<DeliveryRow | null> {
  const rows = await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, id));
  return rows[0] ?? null;
}

/**
 * Takes the row for one attempt: committed as `sending` before anything leaves the system, and
 * only from the state the caller saw, so two runners never both send.
 */
export async function claimDelivery(db: Executor, row: Pick<DeliveryRow, 'id' | 'status' | 'attempts'>): Promise<DeliveryRow | null> {
  const rows = await db
    .update(notificationDeliveries)
    .set({ status: 'sending', attempts: sql`${notificationDeliveries.attempts} + 1`, updatedAt: new Date() })
    .where(and(eq(notificationDeliveries.id, row.id), eq(notificationDeliveries.status, row.status), eq(notificationDeliveries.attempts, row.attempts)))
    .returning();
  return rows[0] ?? null;
}

export async function finishDelivery(db: Executor, id: string, outcome: { status: 'sent' | 'failed' | 'dead'; error: string | null }): Promise<void> {
  await db
    .update(notificationDeliveries)
    .set({ status: outcome.status, lastError: outcome.error, sentAt: outcome.status === 'sent' ? new Date() : null, updatedAt: new Date() })
    .where(and(eq(notificationDeliveries.id, id), eq(notificationDeliveries.status, 'sending')));
}

/** A failed or abandoned delivery made pending again for a manual retry (attempts keep counting). */
export async function reopenDelivery(tx: Executor, id: string): Promise<boolean> {
  const rows = await tx
    .update(notificationDeliveries)
    .set({ status: 'pending', updatedAt: new Date() })
    .where(and(eq(notificationDeliveries.id, id), inArray(notificationDeliveries.status, ['failed', 'dead'])))
    .returning({ id: notificationDeliveries.id });
  return rows.length === 1;
}

export interface DeliveryFilter {
  orgId?: string | undefined;
  status?: string | undefined;
  channel?: string | undefined;
  kind?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listDeliveriesInScope(db: Executor, scope: Scope, f: DeliveryFilter) {
  const conds: SQL[] = [pathFilter(scope, orgs.path)];
  if (f.orgId) conds.push(sql`${orgs.path} like (select o2.path from orgs o2 where o2.id = ${f.orgId}) || '%'`);
  if (f.status) conds.push(eq(notificationDeliveries.status, f.status));
  if (f.channel) conds.push(eq(notificationDeliveries.channel, f.channel));
  if (f.kind) conds.push(eq(notificationDeliveries.kind, f.kind));
  if (f.from) conds.push(gte(notificationDeliveries.createdAt, new Date(f.from)));
  if (f.to) conds.push(lte(notificationDeliveries.createdAt, new Date(f.to)));
  const where = and(...conds);
  const [rows, totals] = await Promise.all([
    db
      .select({ delivery: notificationDeliveries, orgName: orgs.name, userName: users.name })
      .from(notificationDeliveries)
      .innerJoin(orgs, eq(orgs.id, notificationDeliveries.orgId))
      .leftJoin(users, eq(users.id, notificationDeliveries.userId))
      .where(where)
      .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(notificationDeliveries).innerJoin(orgs, eq(orgs.id, notificationDeliveries.orgId)).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

export async function findDeliveryInScope(db: Executor, scope: Scope, id: string): Promise<DeliveryRow | null> {
  const rows = await db
    .select({ delivery: notificationDeliveries })
    .from(notificationDeliveries)
    .innerJoin(orgs, eq(orgs.id, notificationDeliveries.orgId))
    .where(and(eq(notificationDeliveries.id, id), pathFilter(scope, orgs.path)));
  return rows[0]?.delivery ?? null;
}
