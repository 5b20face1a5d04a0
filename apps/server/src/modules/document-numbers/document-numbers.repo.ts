import { documentNumbers, documentRegisters, type Executor } from '@xuanlian/db';
import { and, asc, desc, eq, sql } from 'drizzle-orm';

export type RegisterRow = typeof documentRegisters.$inferSelect;
export type NumberRow = typeof documentNumbers.$inferSelect;

export async function findRegister(db: Executor, orgId: string, kind: string): Promise<RegisterRow | undefined> {
  return (
    await db
      .select()
      .from(documentRegisters)
      .where(and(eq(documentRegisters.orgId, orgId), eq(documentRegisters.kind, kind)))
  )[0];
}

export async function upsertRegister(tx: Executor, v: Pick<RegisterRow, 'orgId' | 'kind' | 'masthead' | 'code' | 'copyTo' | 'printedBy' | 'updatedByName'>): Promise<RegisterRow> {
  const set = { masthead: v.masthead, code: v.code, copyTo: v.copyTo, printedBy: v.printedBy, updatedByName: v.updatedByName, updatedAt: new Date() };
  const row = (
    await tx
      .insert(documentRegisters)
      .values(v)
      .onConflictDoUpdate({ target: [documentRegisters.orgId, documentRegisters.kind], set })
      .returning()
  )[0];
  if (!row) throw new Error('upsert returned no row');
  return row;
}

/**
 * Serialises number assignment for one (office, kind, year) until the transaction ends, so two
 * documents finalised at once get consecutive numbers instead of the same one.
 */
export async function lockSequence(tx: Executor, orgId: string, kind: string, year: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`document-number:${orgId}:${kind}:${year}`}))`);
}

export async function lastSeq(tx: Executor, orgId: string, kind: string, year: number): Promise<number> {
  const rows = await tx
    .select({ seq: sql<number>`coalesce(max(${documentNumbers.seq}), 0)::int` })
    .from(documentNumbers)
    .where(and(eq(documentNumbers.orgId, orgId), eq(documentNumbers.kind, kind), eq(documentNumbers.year, year)));
  return rows[0]?.seq ?? 0;
}

export async function findNumberFor(db: Executor, targetType: string, targetId: string): Promise<NumberRow | undefined> {
  return (
    await db
      .select()
      .from(documentNumbers)
      .where(and(eq(documentNumbers.targetType, targetType), eq(documentNumbers.targetId, targetId)))
  )[0];
}

export async function insertNumber(tx: Executor, v: Omit<NumberRow, 'id' | 'createdAt'>): Promise<NumberRow> {
  const row = (await tx.insert(documentNumbers).values(v).returning())[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function listNumbers(db: Executor, orgId: string, kind: string, year: number | undefined): Promise<NumberRow[]> {
  return db
    .select()
    .from(documentNumbers)
    .where(and(eq(documentNumbers.orgId, orgId), eq(documentNumbers.kind, kind), year === undefined ? sql`true` : eq(documentNumbers.year, year)))
    .orderBy(desc(documentNumbers.year), asc(documentNumbers.seq));
}
