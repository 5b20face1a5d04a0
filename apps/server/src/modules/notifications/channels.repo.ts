import { notificationChannels, orgs, type Executor } from '@xuanlian/db';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { pathFilter, type Scope } from '../../core/scope.ts';
import { readSetting, writeSetting } from '../../core/settings.ts';
import type { ChannelRow } from './deliveries.repo.ts';

export type NewChannel = typeof notificationChannels.$inferInsert;

export async function listChannelsInScope(db: Executor, scope: Scope, orgId?: string): Promise<Array<{ channel: ChannelRow; orgName: string }>> {
  const conds: SQL[] = [pathFilter(scope, orgs.path)];
  if (orgId) conds.push(eq(notificationChannels.orgId, orgId));
  return db
    .select({ channel: notificationChannels, orgName: orgs.name })
    .from(notificationChannels)
    .innerJoin(orgs, eq(orgs.id, notificationChannels.orgId))
    .where(and(...conds))
    .orderBy(asc(orgs.path), asc(notificationChannels.kind), asc(notificationChannels.createdAt));
}

export async function findChannelInScope(db: Executor, scope: Scope, id: string): Promise<{ channel: ChannelRow; orgName: string } | null> {
  const rows = await db
    .select({ channel: notificationChannels, orgName: orgs.name })
    .from(notificationChannels)
    .innerJoin(orgs, eq(orgs.id, notificationChannels.orgId))
    .where(and(eq(notificationChannels.id, id), pathFilter(scope, orgs.path)));
  return rows[0] ?? null;
}

export async function findChannel(db: Executor, id: string): Promise<ChannelRow | null> {
  const rows = await db.select().from(notificationChannels).where(eq(notificationChannels.id, id));
  return rows[0] ?? null;
}

export async function insertChannel(tx: Executor, row: NewChannel): Promise<ChannelRow> {
  const rows = await tx.insert(notificationChannels).values(row).returning();
  return rows[0] as ChannelRow;
}

/** Conditional on the version the editor saw: 0 rows is a conflict. */
export async function updateChannel(tx: Executor, id: string, version: number, patch: Partial<NewChannel>): Promise<ChannelRow | null> {
  const rows = await tx
    .update(notificationChannels)
    .set({ ...patch, version: sql`${notificationChannels.version} + 1`, updatedAt: new Date() })
    .where(and(eq(notificationChannels.id, id), eq(notificationChannels.version, version)))
    .returning();
  return rows[0] ?? null;
}

export async function deleteChannel(tx: Executor, id: string): Promise<boolean> {
  const rows = await tx.delete(notificationChannels).where(eq(notificationChannels.id, id)).returning({ id: notificationChannels.id });
  return rows.length === 1;
}

const SETTINGS_KEY = 'notifications';

export const readSettingsValue = (db: Executor): Promise<unknown> => readSetting(db, SETTINGS_KEY);
export const writeSettingsValue = (tx: Executor, value: object): Promise<void> => writeSetting(tx, SETTINGS_KEY, value);
