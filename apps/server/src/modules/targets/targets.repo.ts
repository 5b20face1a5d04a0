import { orgs, targets, type Executor } from '@xuanlian/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { pathFilter, type Scope } from '../../core/scope.ts';
import { queryRows } from '../../core/sql.ts';

/**
 * Targets are computed from the activity ledger itself. This repo reads the activity tables with
 * grouped SQL (one query for any number of units) instead of going through the activities
 * module's per-record verbs, which would cost a query per unit; it never writes them.
 */

export type TargetRow = typeof targets.$inferSelect;

/** One group of a unit's activities in a year: by category, venue type and quarter. */
export interface LedgerGroup {
  orgId: string;
  category: string;
  venueType: string;
  quarter: number;
  activities: number;
  outside: number;
  roster: number;
  present: number;
  tookPart: number;
}

export async function ledgerGroups(db: Executor, orgIds: string[], year: number, asOf: string): Promise<LedgerGroup[]> {
  if (orgIds.length === 0) return [];
  const rows = await queryRows<LedgerGroup>(
    db,
    sql`
    select a.org_id as "orgId", t.category, a.venue_type as "venueType",
           extract(quarter from a.held_on)::int as quarter,
           count(*)::int as activities,
           coalesce(sum(a.outside_count), 0)::int as outside,
           coalesce(sum(x.roster), 0)::int as roster,
           coalesce(sum(x.present), 0)::int as present,
           coalesce(sum(x.took_part), 0)::int as "tookPart"
    from activities a
    join activity_types t on t.id = a.type_id
    left join lateral (
      select count(*) as roster,
             count(*) filter (where status = 'present') as present,
             count(*) filter (where status in ('present', 'makeup')) as took_part
      from activity_attendees where activity_id = a.id
    ) x on true
    where a.org_id in ${orgIds}
      and a.held_on between ${`${year}-01-01`} and ${asOf}
    group by 1, 2, 3, 4`,
  );
  // Both engines give ints for ::int; Number() keeps it so if a driver changes its mind.
  return rows.map((r) => ({
    ...r,
    quarter: Number(r.quarter),
    activities: Number(r.activities),
    outside: Number(r.outside),
    roster: Number(r.roster),
    present: Number(r.present),
    tookPart: Number(r.tookPart),
  }));
}

export async function targetRows(db: Executor, orgIds: string[], year: number): Promise<TargetRow[]> {
  if (orgIds.length === 0) return [];
  return db
    .select()
    .from(targets)
    .where(and(inArray(targets.orgId, orgIds), eq(targets.year, year)));
}

export async function upsertTarget(tx: Executor, v: { orgId: string; year: number; kind: string; threshold: number; enabled: boolean; updatedBy: string | null }): Promise<TargetRow> {
  const rows = await tx
    .insert(targets)
    .values(v)
    .onConflictDoUpdate({
      target: [targets.orgId, targets.year, targets.kind],
      set: { threshold: v.threshold, enabled: v.enabled, updatedBy: v.updatedBy, updatedAt: new Date() },
    })
    .returning();
  const row = rows[0];
  if (!row) throw new Error('upsert returned no row');
  return row;
}

export async function findTarget(db: Executor, orgId: string, year: number, kind: string): Promise<TargetRow | undefined> {
  return (
    await db
      .select()
      .from(targets)
      .where(and(eq(targets.orgId, orgId), eq(targets.year, year), eq(targets.kind, kind)))
  )[0];
}

/** Units of a subtree that keep their own ledger (科室 and media work inside their parent's). */
export async function ledgerUnits(db: Executor, scope: Scope, subtreePath: string | null) {
  return db
    .select({ id: orgs.id, name: orgs.name, kind: orgs.kind, path: orgs.path })
    .from(orgs)
    .where(and(pathFilter(scope, orgs.path), subtreePath ? sql`${orgs.path} like ${`${subtreePath}%`}` : sql`true`, sql`${orgs.kind} not in ('section', 'media')`, eq(orgs.status, 'active')))
    .orderBy(asc(orgs.depth), asc(orgs.sortOrder), asc(orgs.name));
}
