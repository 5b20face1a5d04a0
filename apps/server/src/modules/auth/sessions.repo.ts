import { sessions, type Executor } from '@xuanlian/db';
import { and, eq, lt, ne } from 'drizzle-orm';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(tx: Executor, row: typeof sessions.$inferInsert): Promise<void> {
  await tx.insert(sessions).values(row);
}

export async function findSession(db: Executor, id: string): Promise<SessionRow | undefined> {
  const rows = await db.select().from(sessions).where(eq(sessions.id, id));
  return rows[0];
}

export async function touchSession(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of a user, or every other one (`except`); returns how many were ended, for the audit row. */
export async function deleteSessionsOf(db: Executor, userId: string, opts: { except?: string | null } = {}): Promise<number> {
  const where = opts.except ? and(eq(sessions.userId, userId), ne(sessions.id, opts.except)) : eq(sessions.userId, userId);
  const rows = await db.delete(sessions).where(where).returning({ id: sessions.id });
  return rows.length;
}

export async function deleteIdleSessions(db: Executor, seenBefore: Date): Promise<number> {
  const rows = await db.delete(sessions).where(lt(sessions.lastSeenAt, seenBefore)).returning({ id: sessions.id });
  return rows.length;
}
