import { orgs, releaseChannels, releases, type Executor } from '@xuanlian/db';
import { and, asc, count, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { orgIdFilter, type Scope } from '../../core/scope.ts';
import { inIdSet, queryRows, type IdSet } from '../../core/sql.ts';

export type ChannelRow = typeof releaseChannels.$inferSelect & { orgName: string; orgPath: string };
export type ReleaseRow = typeof releases.$inferSelect & { orgName: string; channelName: string; channelKind: string };

// ── channels ──────────────────────────────────────────────────────────────────────────────────
/** Channels owned inside `scope` or by one of `orgIds` (the units above the actor's grants). */
export async function listChannels(db: Executor, scope: Scope, orgIds: string[], opts: { ownerIds?: string[]; activeOnly?: boolean } = {}): Promise<ChannelRow[]> {
  const visible = or(orgIdFilter(scope, releaseChannels.orgId), orgIds.length > 0 ? sql`${releaseChannels.orgId} in ${orgIds}` : sql`false`);
  const rows = await db
    .select({ c: releaseChannels, orgName: orgs.name, orgPath: orgs.path })
    .from(releaseChannels)
    .innerJoin(orgs, eq(orgs.id, releaseChannels.orgId))
    .where(
      and(
        visible,
        opts.ownerIds ? (opts.ownerIds.length > 0 ? sql`${releaseChannels.orgId} in ${opts.ownerIds}` : sql`false`) : undefined,
        opts.activeOnly ? eq(releaseChannels.status, 'active') : undefined,
      ),
    )
    .orderBy(asc(orgs.depth), asc(releaseChannels.sortOrder), asc(releaseChannels.name));
  return rows.map((r) => ({ ...r.c, orgName: r.orgName, orgPath: r.orgPath }));
}

export async function findChannel(db: Executor, id: string): Promise<ChannelRow | undefined> {
  const rows = await db
    .select({ c: releaseChannels, orgName: orgs.name, orgPath: orgs.path })
    .from(releaseChannels)
    .innerJoin(orgs, eq(orgs.id, releaseChannels.orgId))
    .where(eq(releaseChannels.id, id));
  const r = rows[0];
  return r ? { ...r.c, orgName: r.orgName, orgPath: r.orgPath } : undefined;
}

export async function channelNameTaken(db: Executor, orgId: string, name: string, exceptId?: string): Promise<boolean> {
  const rows = await db
    .select({ id: releaseChannels.id })
    .from(releaseChannels)
    .where(and(eq(releaseChannels.orgId, orgId), eq(releaseChannels.name, name), exceptId ? sql`${releaseChannels.id} <> ${exceptId}` : undefined));
  return rows.length > 0;
}

export async function insertChannel(tx: Executor, v: typeof releaseChannels.$inferInsert): Promise<string> {
  const rows = await tx.insert(releaseChannels).values(v).onConflictDoNothing().returning({ id: releaseChannels.id });
  return rows[0]?.id ?? '';
}

export async function updateChannel(tx: Executor, id: string, set: Partial<typeof releaseChannels.$inferInsert>): Promise<void> {
  await tx
    .update(releaseChannels)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(releaseChannels.id, id));
}

// ── releases ──────────────────────────────────────────────────────────────────────────────────
const releaseColumns = { r: releases, orgName: orgs.name, channelName: releaseChannels.name, channelKind: releaseChannels.kind };
const flat = (r: { r: typeof releases.$inferSelect; orgName: string; channelName: string; channelKind: string }): ReleaseRow => ({
  ...r.r,
  orgName: r.orgName,
  channelName: r.channelName,
  channelKind: r.channelKind,
});

function base(db: Executor) {
  return db.select(releaseColumns).from(releases).innerJoin(orgs, eq(orgs.id, releases.orgId)).innerJoin(releaseChannels, eq(releaseChannels.id, releases.channelId));
}

export async function findReleaseInScope(db: Executor, scope: Scope, id: string, opts: { lock?: boolean } = {}): Promise<ReleaseRow | undefined> {
  const q = base(db).where(and(eq(releases.id, id), orgIdFilter(scope, releases.orgId)));
  const rows = opts.lock ? await q.for('update', { of: releases }) : await q;
  return rows[0] ? flat(rows[0]) : undefined;
}

export async function insertRelease(tx: Executor, v: typeof releases.$inferInsert): Promise<string | null> {
  // The partial unique index allows one live release per manuscript and channel.
  const rows = await tx.insert(releases).values(v).onConflictDoNothing().returning({ id: releases.id });
  return rows[0]?.id ?? null;
}

/** Updates only while the release is still in `fromStatus`; false when someone got there first. */
export async function updateReleaseIf(tx: Executor, id: string, fromStatus: string, set: Partial<typeof releases.$inferInsert>): Promise<boolean> {
  const rows = await tx
    .update(releases)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(releases.id, id), eq(releases.status, fromStatus)))
    .returning({ id: releases.id });
  return rows.length > 0;
}

export interface ReleaseFilter {
  scope: Scope;
  subtreePath?: string | undefined;
  channelId?: string | undefined;
  manuscriptId?: string | undefined;
  status?: string | undefined;
  /** The sweep: live posts whose release or last confirmation is before this instant. */
  olderThan?: Date | undefined;
}

function whereOf(f: ReleaseFilter): SQL | undefined {
  return and(
    orgIdFilter(f.scope, releases.orgId),
    f.subtreePath ? sql`${orgs.path} like ${`${f.subtreePath}%`}` : undefined,
    f.channelId ? eq(releases.channelId, f.channelId) : undefined,
    f.manuscriptId ? eq(releases.manuscriptId, f.manuscriptId) : undefined,
    f.status ? eq(releases.status, f.status) : undefined,
    f.olderThan ? sql`${releases.status} = 'released' and coalesce(${releases.reviewedAt}, ${releases.releasedAt}) < ${f.olderThan.toISOString()}` : undefined,
  );
}

export async function listReleases(db: Executor, f: ReleaseFilter, page: number, pageSize: number): Promise<{ rows: ReleaseRow[]; total: number }> {
  const where = whereOf(f);
  const order = f.olderThan ? [asc(sql`coalesce(${releases.reviewedAt}, ${releases.releasedAt})`), asc(releases.id)] : [desc(releases.releasedAt), desc(releases.id)];
  const [rows, totals] = await Promise.all([
    base(db)
      .where(where)
      .orderBy(...order)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(releases).innerJoin(orgs, eq(orgs.id, releases.orgId)).where(where),
  ]);
  return { rows: rows.map(flat), total: Number(totals[0]?.n ?? 0) };
}

// ── the public portal ─────────────────────────────────────────────────────────────────────────
/**
 * A piece released on several channels is shown once on the portal: its latest live release.
 * (Comparing (released_at, id) keeps exactly one row per manuscript even for equal times.)
 */
const latestLive = sql`${releases.status} = 'released' and not exists (
  select 1 from releases r2 where r2.manuscript_id = ${releases.manuscriptId} and r2.status = 'released'
    and (r2.released_at, r2.id) > (${releases.releasedAt}, ${releases.id}))`;

/** Live releases, newest first, one per manuscript, for the unauthenticated portal and its feed. */
export async function publicReleases(db: Executor, limit: number, offset = 0): Promise<ReleaseRow[]> {
  const rows = await base(db).where(latestLive).orderBy(desc(releases.releasedAt), desc(releases.id)).limit(limit).offset(offset);
  return rows.map(flat);
}

export async function publicRelease(db: Executor, id: string): Promise<ReleaseRow | undefined> {
  const rows = await base(db).where(and(eq(releases.id, id), eq(releases.status, 'released')));
  return rows[0] ? flat(rows[0]) : undefined;
}

export async function countPublicReleases(db: Executor): Promise<number> {
  const rows = await db.select({ n: count() }).from(releases).where(latestLive);
  return Number(rows[0]?.n ?? 0);
}

/** An image may be served publicly only while a live release shows it. */
export async function isPublicImage(db: Executor, sha256: string): Promise<boolean> {
  const rows = await db
    .select({ id: releases.id })
    .from(releases)
    .where(and(eq(releases.status, 'released'), sql`${releases.imageShas} @> ${JSON.stringify([sha256])}::jsonb`))
    .limit(1);
  return rows.length > 0;
}

/** Live releases and their total reach in a period, per unit subtree: for the annual summary. */
export async function releaseTotals(db: Executor, q: { subtreePath: string; from: Date; to: Date }): Promise<{ releases: number; reach: number }> {
  const rows = await db
    .select({ n: count(), reach: sql<number>`coalesce(sum(${releases.reach}), 0)::int` })
    .from(releases)
    .innerJoin(orgs, eq(orgs.id, releases.orgId))
    .where(
      and(eq(releases.status, 'released'), sql`${orgs.path} like ${`${q.subtreePath}%`}`, sql`${releases.releasedAt} >= ${q.from.toISOString()}`, sql`${releases.releasedAt} < ${q.to.toISOString()}`),
    );
  return { releases: Number(rows[0]?.n ?? 0), reach: Number(rows[0]?.reach ?? 0) };
}

/**
 * Live releases (not withdrawn) whose release date (Beijing) lies in the inclusive range, per unit
 * (`releases.org_id`, the manuscript's unit) or per person (the manuscript's reporter).
 */
export async function releasedCounts(db: Executor, by: 'org' | 'user', ids: IdSet, range: { from: string; to: string }): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (Array.isArray(ids) && ids.length === 0) return out;
  const day = sql.raw(`(r.released_at at time zone 'Asia/Shanghai')::date`);
  const rows =
    by === 'org'
      ? await queryRows<{ k: string; n: number }>(
          db,
          sql`select r.org_id as k, count(*)::int as n from releases r where r.status = 'released' and ${inIdSet(sql.raw('r.org_id'), ids)} and ${day} between ${range.from} and ${range.to} group by 1`,
        )
      : await queryRows<{ k: string; n: number }>(
          db,
          sql`select m.reporter_id as k, count(*)::int as n from releases r join manuscripts m on m.id = r.manuscript_id
              where r.status = 'released' and ${inIdSet(sql.raw('m.reporter_id'), ids)} and ${day} between ${range.from} and ${range.to} group by 1`,
        );
  for (const r of rows) out.set(r.k, Number(r.n));
  return out;
}
