import { outlets, type Executor } from '@xuanlian/db';
import { and, asc, eq, ilike, sql } from 'drizzle-orm';
import { STANDARD_OUTLETS } from './registry.ts';
import { containsPattern } from '../../core/sql.ts';

export type OutletRow = typeof outlets.$inferSelect;

const LEVEL_ORDER = sql`case ${outlets.level} when 'central' then 1 when 'province' then 2 when 'city' then 3 when 'county' then 4 else 5 end`;

export async function listOutletRows(db: Executor, f: { level?: string | undefined; q?: string | undefined }): Promise<OutletRow[]> {
  return db
    .select()
    .from(outlets)
    .where(and(f.level ? eq(outlets.level, f.level) : sql`true`, f.q ? ilike(outlets.name, containsPattern(f.q)) : sql`true`))
    .orderBy(LEVEL_ORDER, asc(outlets.name));
}

export async function findOutlet(db: Executor, id: string, opts: { lock?: boolean } = {}): Promise<OutletRow | undefined> {
  const q = db.select().from(outlets).where(eq(outlets.id, id));
  return (opts.lock ? await q.for('update') : await q)[0];
}

export async function findOutletByName(db: Executor, name: string): Promise<OutletRow | undefined> {
  return (await db.select().from(outlets).where(eq(outlets.name, name)))[0];
}

export async function insertOutlet(tx: Executor, v: { name: string; level: string; type: string; region: string }): Promise<OutletRow> {
  const row = (await tx.insert(outlets).values(v).returning())[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateOutletRow(tx: Executor, id: string, set: Partial<Pick<OutletRow, 'name' | 'level' | 'type' | 'region' | 'active'>>): Promise<OutletRow> {
  const row = (
    await tx
      .update(outlets)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(outlets.id, id))
      .returning()
  )[0];
  if (!row) throw new Error('update returned no row');
  return row;
}

/** Loads the standard registry once (names already present are left as the editors set them). */
export async function ensureStandardOutlets(tx: Executor): Promise<number> {
  const rows = await tx
    .insert(outlets)
    .values([...STANDARD_OUTLETS])
    .onConflictDoNothing()
    .returning({ id: outlets.id });
  return rows.length;
}
