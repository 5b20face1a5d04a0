import { DEFAULT_ACTIVITY_TYPES } from '@xuanlian/contracts';
import { activities, activityAttendees, activityTypes, orgs, users, type AttachedFile, type Db, type Executor } from '@xuanlian/db';
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { orgIdFilter, type Scope } from '../../core/scope.ts';
import { queryRows } from '../../core/sql.ts';

export type ActivityTypeRow = typeof activityTypes.$inferSelect;
export type ActivityRow = typeof activities.$inferSelect & { orgName: string; orgPath: string; typeName: string; category: string };
export type AttendeeRow = typeof activityAttendees.$inferSelect & { name: string; title: string | null };

const seeded = new WeakSet<object>();

/** The built-in dictionary rows, created once per database (by code, so a rename sticks). */
export async function ensureDefaultTypes(db: Db): Promise<void> {
  if (seeded.has(db)) return;
  await db
    .insert(activityTypes)
    .values(DEFAULT_ACTIVITY_TYPES.map((t, i) => ({ code: t.code, name: t.name, category: t.category, sortOrder: (i + 1) * 10 })))
    .onConflictDoNothing();
  seeded.add(db);
}

export async function listTypes(db: Executor): Promise<ActivityTypeRow[]> {
  return db.select().from(activityTypes).orderBy(asc(activityTypes.sortOrder), asc(activityTypes.name));
}

export async function findType(db: Executor, id: string): Promise<ActivityTypeRow | undefined> {
  return (await db.select().from(activityTypes).where(eq(activityTypes.id, id)))[0];
}

export async function findTypeByName(db: Executor, name: string): Promise<ActivityTypeRow | undefined> {
  return (await db.select().from(activityTypes).where(eq(activityTypes.name, name)))[0];
}

export async function insertType(tx: Executor, v: typeof activityTypes.$inferInsert): Promise<ActivityTypeRow> {
  const row = (await tx.insert(activityTypes).values(v).returning())[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateType(tx: Executor, id: string, set: Partial<typeof activityTypes.$inferInsert>): Promise<ActivityTypeRow | undefined> {
  return (
    await tx
      .update(activityTypes)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(activityTypes.id, id))
      .returning()
  )[0];
}

const joined = {
  a: activities,
  orgName: orgs.name,
  orgPath: orgs.path,
  typeName: activityTypes.name,
  category: activityTypes.category,
};
type JoinedRow = { a: typeof activities.$inferSelect; orgName: string; orgPath: string; typeName: string; category: string };
const flat = (r: JoinedRow): ActivityRow => ({ ...r.a, orgName: r.orgName, orgPath: r.orgPath, typeName: r.typeName, category: r.category });

function base(db: Executor) {
  return db.select(joined).from(activities).innerJoin(orgs, eq(orgs.id, activities.orgId)).innerJoin(activityTypes, eq(activityTypes.id, activities.typeId));
}

export async function findActivityInScope(db: Executor, scope: Scope, id: string): Promise<ActivityRow | undefined> {
  const rows = await base(db).where(and(eq(activities.id, id), orgIdFilter(scope, activities.orgId)));
  return rows[0] ? flat(rows[0]) : undefined;
}

export interface ActivityFilters {
  subtreePath?: string | undefined;
  year?: number | undefined;
  category?: string | undefined;
  typeId?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listActivitiesInScope(db: Executor, scope: Scope, f: ActivityFilters): Promise<{ rows: ActivityRow[]; total: number }> {
  const conds: SQL[] = [orgIdFilter(scope, activities.orgId)];
  if (f.subtreePath) conds.push(sql`${orgs.path} like ${`${f.subtreePath}%`}`);
  if (f.year) conds.push(sql`${activities.heldOn} between ${`${f.year}-01-01`} and ${`${f.year}-12-31`}`);
  if (f.category) conds.push(eq(activityTypes.category, f.category));
  if (f.typeId) conds.push(eq(activities.typeId, f.typeId));
  const where = and(...conds);
  const [rows, totals] = await Promise.all([
    base(db)
      .where(where)
      .orderBy(desc(activities.heldOn), desc(activities.createdAt))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(activities).innerJoin(orgs, eq(orgs.id, activities.orgId)).innerJoin(activityTypes, eq(activityTypes.id, activities.typeId)).where(where),
  ]);
  return { rows: rows.map(flat), total: totals[0]?.n ?? 0 };
}

/** Every activity of one unit in one year, oldest first (the study archive). */
export async function activitiesOfOrgYear(db: Executor, orgId: string, year: number): Promise<ActivityRow[]> {
  const rows = await base(db)
    .where(and(eq(activities.orgId, orgId), sql`${activities.heldOn} between ${`${year}-01-01`} and ${`${year}-12-31`}`))
    .orderBy(asc(activities.heldOn), asc(activities.createdAt));
  return rows.map(flat);
}

export async function insertActivity(tx: Executor, v: typeof activities.$inferInsert): Promise<string> {
  const row = (await tx.insert(activities).values(v).returning({ id: activities.id }))[0];
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** Applies an edit only if nobody saved in between (`version` still as read); undefined otherwise. */
export async function updateActivityIfVersion(tx: Executor, id: string, version: number, set: Partial<typeof activities.$inferInsert>): Promise<{ id: string } | undefined> {
  const rows = await tx
    .update(activities)
    .set({ ...set, version: version + 1, updatedAt: new Date() })
    .where(and(eq(activities.id, id), eq(activities.version, version)))
    .returning({ id: activities.id });
  return rows[0];
}

export async function replaceAttendees(tx: Executor, activityId: string, rows: Array<Omit<typeof activityAttendees.$inferInsert, 'activityId'>>): Promise<void> {
  await tx.delete(activityAttendees).where(eq(activityAttendees.activityId, activityId));
  if (rows.length > 0) await tx.insert(activityAttendees).values(rows.map((r) => ({ ...r, activityId })));
}

export async function attendeesOf(db: Executor, activityIds: string[]): Promise<AttendeeRow[]> {
  if (activityIds.length === 0) return [];
  const rows = await db
    .select({ at: activityAttendees, name: users.name, title: users.title })
    .from(activityAttendees)
    .innerJoin(users, eq(users.id, activityAttendees.userId))
    .where(inArray(activityAttendees.activityId, activityIds))
    .orderBy(asc(users.name));
  return rows.map((r) => ({ ...r.at, name: r.name, title: r.title }));
}

export { fileMeta } from '../../core/files/index.ts';

/** Users of a unit's subtree, for an attendance list; only people who can actually take part. */
export async function rosterOf(db: Executor, orgPath: string): Promise<Array<{ id: string; name: string; title: string | null; orgName: string }>> {
  return db
    .select({ id: users.id, name: users.name, title: users.title, orgName: orgs.name })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(and(sql`${orgs.path} like ${`${orgPath}%`}`, sql`${users.status} <> 'disabled'`))
    .orderBy(asc(orgs.path), asc(users.name));
}

export type { AttachedFile };

/** Of `shas`, those attached to an activity of a unit inside `scope`. */
export async function shasOnActivities(db: Executor, scope: Scope, shas: string[]): Promise<string[]> {
  const rows = await queryRows<{ sha: string }>(
    db,
    sql`select distinct f->>'sha256' as sha from activities a cross join lateral jsonb_array_elements(a.files) f
        where f->>'sha256' in ${shas} and ${orgIdFilter(scope, sql`a.org_id`)}`,
  );
  return rows.map((r) => r.sha);
}

/**
 * Activities of a subtree held in a year, by type name — so a type an office made itself under a
 * built-in's name (座谈会) counts with it. For the annual summary's 001 items.
 */
export async function activityCountsByTypeName(db: Executor, q: { subtreePath: string; year: number }): Promise<Map<string, number>> {
  const rows = await db
    .select({ name: activityTypes.name, n: count() })
    .from(activities)
    .innerJoin(activityTypes, eq(activityTypes.id, activities.typeId))
    .innerJoin(orgs, eq(orgs.id, activities.orgId))
    .where(and(sql`${orgs.path} like ${`${q.subtreePath}%`}`, sql`${activities.heldOn} >= ${`${q.year}-01-01`}`, sql`${activities.heldOn} < ${`${q.year + 1}-01-01`}`))
    .groupBy(activityTypes.name);
  return new Map(rows.map((r) => [r.name, Number(r.n)]));
}
