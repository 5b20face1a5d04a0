import { bulletinAppeals, bulletins, orgs, type Executor } from '@xuanlian/db';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { orgIdFilter, type Scope } from '../../core/scope.ts';

export type BulletinRow = typeof bulletins.$inferSelect & { orgName: string; orgPath: string; appealCount: number; unansweredCount: number };
export type AppealRow = typeof bulletinAppeals.$inferSelect & { orgName: string };

const cols = {
  b: bulletins,
  orgName: orgs.name,
  orgPath: orgs.path,
  appealCount: sql<number>`(select count(*)::int from bulletin_appeals a where a.bulletin_id = ${bulletins.id})`,
  unansweredCount: sql<number>`(select count(*)::int from bulletin_appeals a where a.bulletin_id = ${bulletins.id} and a.answer is null)`,
};
type Sel = { b: typeof bulletins.$inferSelect; orgName: string; orgPath: string; appealCount: number; unansweredCount: number };
const flat = (r: Sel): BulletinRow => ({ ...r.b, orgName: r.orgName, orgPath: r.orgPath, appealCount: Number(r.appealCount), unansweredCount: Number(r.unansweredCount) });
const base = (db: Executor) => db.select(cols).from(bulletins).innerJoin(orgs, eq(orgs.id, bulletins.orgId));

export async function listBulletins(db: Executor, q: { scope: Scope; subtreePath?: string | undefined; status?: string | undefined }): Promise<BulletinRow[]> {
  const rows = await base(db)
    .where(and(orgIdFilter(q.scope, bulletins.orgId), q.subtreePath ? sql`${orgs.path} like ${`${q.subtreePath}%`}` : undefined, q.status ? eq(bulletins.status, q.status) : undefined))
    .orderBy(desc(bulletins.createdAt))
    .limit(500);
  return rows.map(flat);
}

export async function findBulletinInScope(db: Executor, scope: Scope, id: string): Promise<BulletinRow | undefined> {
  const rows = await base(db).where(and(eq(bulletins.id, id), orgIdFilter(scope, bulletins.orgId)));
  return rows[0] ? flat(rows[0]) : undefined;
}

/**
 * A bulletin a unit may see: published (appeal or final) and either covering one of the actor's
 * units (its office is above them) or issued inside the actor's reach.
 */
function coversScope(scope: Scope): SQL {
  if (scope.all) return sql`true`;
  if (scope.paths.length === 0) return sql`false`;
  const ors = scope.paths.map((p) => sql`(${orgs.path} like ${`${p}%`} or ${p} like ${orgs.path} || '%')`);
  return sql`(${sql.join(ors, sql` or `)})`;
}

export async function listVisibleToUnits(db: Executor, scope: Scope, id?: string): Promise<BulletinRow[]> {
  const rows = await base(db)
    .where(and(inArray(bulletins.status, ['appeal', 'final']), coversScope(scope), id ? eq(bulletins.id, id) : undefined))
    .orderBy(desc(bulletins.publishedAt))
    .limit(200);
  return rows.map(flat);
}

export async function insertBulletin(tx: Executor, v: typeof bulletins.$inferInsert): Promise<string> {
  const rows = await tx.insert(bulletins).values(v).returning({ id: bulletins.id });
  return rows[0]?.id ?? '';
}

/** Writes only at the version and status the editor saw; false when someone else got there first. */
export async function updateBulletinIf(tx: Executor, id: string, seen: { version: number; statuses: string[] }, set: Partial<typeof bulletins.$inferInsert>): Promise<boolean> {
  const rows = await tx
    .update(bulletins)
    .set({ ...set, version: sql`${bulletins.version} + 1`, updatedAt: new Date() })
    .where(and(eq(bulletins.id, id), eq(bulletins.version, seen.version), inArray(bulletins.status, seen.statuses)))
    .returning({ id: bulletins.id });
  return rows.length > 0;
}

export async function appealsOf(db: Executor, bulletinId: string, orgIds?: string[]): Promise<AppealRow[]> {
  const rows = await db
    .select({ a: bulletinAppeals, orgName: orgs.name })
    .from(bulletinAppeals)
    .innerJoin(orgs, eq(orgs.id, bulletinAppeals.orgId))
    .where(and(eq(bulletinAppeals.bulletinId, bulletinId), orgIds ? (orgIds.length ? inArray(bulletinAppeals.orgId, orgIds) : sql`false`) : undefined))
    .orderBy(asc(bulletinAppeals.createdAt));
  return rows.map((r) => ({ ...r.a, orgName: r.orgName }));
}

export async function insertAppeal(tx: Executor, v: typeof bulletinAppeals.$inferInsert): Promise<string> {
  const rows = await tx.insert(bulletinAppeals).values(v).returning({ id: bulletinAppeals.id });
  return rows[0]?.id ?? '';
}

export async function answerAppealRow(tx: Executor, bulletinId: string, appealId: string, set: { answer: string; answeredByName: string }): Promise<AppealRow | undefined> {
  const rows = await tx
    .update(bulletinAppeals)
    .set({ ...set, answeredAt: new Date() })
    .where(and(eq(bulletinAppeals.id, appealId), eq(bulletinAppeals.bulletinId, bulletinId)))
    .returning({ id: bulletinAppeals.id });
  if (!rows[0]) return undefined;
  return (await appealsOf(tx, bulletinId)).find((a) => a.id === appealId);
}

/** Holds the bulletin row while an appeal is recorded or answered, so 定稿 cannot slip between. */
export async function lockBulletin(tx: Executor, id: string): Promise<{ status: string; appealUntil: Date | null } | undefined> {
  const rows = await tx.select({ status: bulletins.status, appealUntil: bulletins.appealUntil }).from(bulletins).where(eq(bulletins.id, id)).for('update');
  return rows[0];
}
