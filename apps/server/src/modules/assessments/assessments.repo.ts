import { assessmentWeights, type Executor } from '@xuanlian/db';
import type { AssessmentWeights } from '@xuanlian/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../core/sql.ts';

export type WeightsRow = typeof assessmentWeights.$inferSelect;

export async function findWeights(db: Executor, orgId: string, year: number): Promise<WeightsRow | undefined> {
  const rows = await db
    .select()
    .from(assessmentWeights)
    .where(and(eq(assessmentWeights.orgId, orgId), eq(assessmentWeights.year, year)));
  return rows[0];
}

export async function upsertWeights(tx: Executor, v: AssessmentWeights & { orgId: string; year: number; updatedBy: string | null }): Promise<void> {
  const values = {
    points: v.points,
    quota: v.quota,
    targets: v.targets,
    tasks: v.tasks,
    praiseTop: v.praiseTop,
    praiseThreshold: v.praiseThreshold,
    criticiseBottom: v.criticiseBottom,
    updatedBy: v.updatedBy,
    updatedAt: new Date(),
  };
  await tx
    .insert(assessmentWeights)
    .values({ orgId: v.orgId, year: v.year, ...values })
    .onConflictDoUpdate({ target: [assessmentWeights.orgId, assessmentWeights.year], set: values });
}

export interface AssessedUnit {
  id: string;
  name: string;
  kind: string;
  path: string;
}

/** The active units under an office (itself only when it has none). */
export async function unitsUnder(db: Executor, office: { id: string; path: string }): Promise<AssessedUnit[]> {
  const rows = await queryRows<AssessedUnit>(
    db,
    sql`select o.id, o.name, o.kind, o.path from orgs o where o.status = 'active' and o.path like ${`${office.path}%`} and o.id <> ${office.id}
        order by o.depth, o.sort_order, o.name`,
  );
  if (rows.length > 0) return rows;
  return queryRows<AssessedUnit>(db, sql`select o.id, o.name, o.kind, o.path from orgs o where o.id = ${office.id}`);
}
