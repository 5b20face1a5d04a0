import { notifications, type Executor } from '@xuanlian/db';
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;

/** A repeated emission with the same dedupe key for the same user is one row. */
export async function insertNotifications(tx: Executor, rows: NewNotification[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await tx.insert(notifications).values(rows).onConflictDoNothing().returning({ id: notifications.id });
  return inserted.length;
}

export async function listNotificationsOf(
  db: Executor,
  userId: string,
  f: { unreadOnly: boolean; page: number; pageSize: number },
): Promise<{ rows: NotificationRow[]; total: number; unread: number }> {
  const where = f.unreadOnly ? and(eq(notifications.userId, userId), isNull(notifications.readAt)) : eq(notifications.userId, userId);
  const [rows, totals, unread] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(notifications).where(where),
    countUnreadOf(db, userId),
  ]);
  return { rows, total: totals[0]?.n ?? 0, unread };
}

export async function countUnreadOf(db: Executor, userId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return rows[0]?.n ?? 0;
}

/** Marks one of the user's own notifications read; another user's id matches nothing. */
export async function markOneRead(tx: Executor, userId: string, id: string): Promise<'updated' | 'already' | 'missing'> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return rows.length === 1 ? 'updated' : 'missing';
}

export async function markAllReadOf(tx: Executor, userId: string): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
