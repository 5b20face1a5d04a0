import { journalIssues, journalItems, journals, orgs, type Executor } from '@xuanlian/db';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { orgIdFilter, type Scope } from '../../core/scope.ts';
import { queryRows } from '../../core/sql.ts';

export type JournalRow = typeof journals.$inferSelect & { orgName: string; orgPath: string };
export type IssueRow = typeof journalIssues.$inferSelect & { journalName: string; publisher: string; orgName: string; orgPath: string; itemCount: number };
export type ItemRow = typeof journalItems.$inferSelect & { manuscriptOrgName: string };

// ── journals ──────────────────────────────────────────────────────────────────────────────────
const journalCols = { j: journals, orgName: orgs.name, orgPath: orgs.path };

export async function listJournals(db: Executor, scope: Scope, subtreePath?: string): Promise<JournalRow[]> {
  const rows = await db
    .select(journalCols)
    .from(journals)
    .innerJoin(orgs, eq(orgs.id, journals.orgId))
    .where(and(orgIdFilter(scope, journals.orgId), subtreePath ? sql`${orgs.path} like ${`${subtreePath}%`}` : undefined))
    .orderBy(asc(orgs.depth), asc(journals.name));
  return rows.map((r) => ({ ...r.j, orgName: r.orgName, orgPath: r.orgPath }));
}

export async function findJournalInScope(db: Executor, scope: Scope, id: string, opts: { lock?: boolean } = {}): Promise<JournalRow | undefined> {
  const q = db
    .select(journalCols)
    .from(journals)
    .innerJoin(orgs, eq(orgs.id, journals.orgId))
    .where(and(eq(journals.id, id), orgIdFilter(scope, journals.orgId)));
  const rows = opts.lock ? await q.for('update', { of: journals }) : await q;
  const r = rows[0];
  return r ? { ...r.j, orgName: r.orgName, orgPath: r.orgPath } : undefined;
}

export async function insertJournal(tx: Executor, v: typeof journals.$inferInsert): Promise<string | null> {
  const rows = await tx.insert(journals).values(v).onConflictDoNothing().returning({ id: journals.id });
  return rows[0]?.id ?? null;
}

export async function journalNameTaken(db: Executor, orgId: string, name: string, exceptId: string): Promise<boolean> {
  const rows = await db
    .select({ id: journals.id })
    .from(journals)
    .where(and(eq(journals.orgId, orgId), eq(journals.name, name), sql`${journals.id} <> ${exceptId}`));
  return rows.length > 0;
}

export async function updateJournal(tx: Executor, id: string, set: Partial<typeof journals.$inferInsert>): Promise<void> {
  await tx
    .update(journals)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(journals.id, id));
}

// ── issues ────────────────────────────────────────────────────────────────────────────────────
const issueCols = {
  i: journalIssues,
  journalName: journals.name,
  publisher: journals.publisher,
  orgName: orgs.name,
  orgPath: orgs.path,
  itemCount: sql<number>`(select count(*)::int from journal_items ji where ji.issue_id = ${journalIssues.id})`,
};
type IssueSel = { i: typeof journalIssues.$inferSelect; journalName: string; publisher: string; orgName: string; orgPath: string; itemCount: number };
const flatIssue = (r: IssueSel): IssueRow => ({ ...r.i, journalName: r.journalName, publisher: r.publisher, orgName: r.orgName, orgPath: r.orgPath, itemCount: Number(r.itemCount) });

function issues(db: Executor) {
  return db.select(issueCols).from(journalIssues).innerJoin(journals, eq(journals.id, journalIssues.journalId)).innerJoin(orgs, eq(orgs.id, journalIssues.orgId));
}

export async function listIssues(db: Executor, q: { scope: Scope; journalId?: string | undefined; subtreePath?: string | undefined; year?: number | undefined }): Promise<IssueRow[]> {
  const rows = await issues(db)
    .where(
      and(
        orgIdFilter(q.scope, journalIssues.orgId),
        q.journalId ? eq(journalIssues.journalId, q.journalId) : undefined,
        q.subtreePath ? sql`${orgs.path} like ${`${q.subtreePath}%`}` : undefined,
        q.year ? eq(journalIssues.year, q.year) : undefined,
      ),
    )
    .orderBy(desc(journalIssues.year), desc(journalIssues.number), asc(journals.name))
    .limit(500);
  return rows.map(flatIssue);
}

export async function findIssueInScope(db: Executor, scope: Scope, id: string, opts: { lock?: boolean } = {}): Promise<IssueRow | undefined> {
  const q = issues(db).where(and(eq(journalIssues.id, id), orgIdFilter(scope, journalIssues.orgId)));
  const rows = opts.lock ? await q.for('update', { of: journalIssues }) : await q;
  return rows[0] ? flatIssue(rows[0]) : undefined;
}

/** The next 期号 of the year; the caller holds the journal row's lock, so numbers never collide. */
export async function nextNumber(tx: Executor, journalId: string, year: number): Promise<number> {
  const rows = await queryRows<{ n: number }>(tx, sql`select coalesce(max(number), 0)::int + 1 as n from journal_issues where journal_id = ${journalId} and year = ${year}`);
  return Number(rows[0]?.n ?? 1);
}

export async function insertIssue(tx: Executor, v: typeof journalIssues.$inferInsert): Promise<string> {
  const rows = await tx.insert(journalIssues).values(v).returning({ id: journalIssues.id });
  return rows[0]?.id ?? '';
}

/** Writes only a draft at the version the editor saw; false when someone saved or published first. */
export async function updateIssueIf(tx: Executor, id: string, seen: { version: number; status: string }, set: Partial<typeof journalIssues.$inferInsert>): Promise<boolean> {
  const rows = await tx
    .update(journalIssues)
    .set({ ...set, version: sql`${journalIssues.version} + 1`, updatedAt: new Date() })
    .where(and(eq(journalIssues.id, id), eq(journalIssues.version, seen.version), eq(journalIssues.status, seen.status)))
    .returning({ id: journalIssues.id });
  return rows.length > 0;
}

// ── items (inclusions) ────────────────────────────────────────────────────────────────────────
export async function itemsOf(db: Executor, issueId: string): Promise<ItemRow[]> {
  const rows = await db
    .select({ it: journalItems, manuscriptOrgName: orgs.name })
    .from(journalItems)
    .innerJoin(orgs, eq(orgs.id, journalItems.manuscriptOrgId))
    .where(eq(journalItems.issueId, issueId))
    .orderBy(asc(journalItems.position));
  return rows.map((r) => ({ ...r.it, manuscriptOrgName: r.manuscriptOrgName }));
}

export async function replaceItems(tx: Executor, issueId: string, rows: Array<Omit<typeof journalItems.$inferInsert, 'issueId'>>): Promise<void> {
  await tx.delete(journalItems).where(eq(journalItems.issueId, issueId));
  if (rows.length > 0) await tx.insert(journalItems).values(rows.map((r) => ({ ...r, issueId })));
}

export interface InclusionRow {
  issue_id: string;
  journal_id: string;
  journal_name: string;
  journal_org_id: string;
  year: number;
  number: number;
  issue_date: string;
  published_at: Date | string;
  manuscript_id: string;
  manuscript_org_id: string;
  title: string;
}

/** Published inclusions whose 出刊日期 lies in [from, to). */
export async function inclusionRows(db: Executor, q: { from: string; to: string; subtreePath?: string | undefined; manuscriptIds?: readonly string[] | undefined }): Promise<InclusionRow[]> {
  if (q.manuscriptIds && q.manuscriptIds.length === 0) return [];
  return queryRows<InclusionRow>(
    db,
    sql`select i.id as issue_id, j.id as journal_id, j.name as journal_name, i.org_id as journal_org_id, i.year, i.number,
               i.issue_date::text as issue_date, i.published_at, it.manuscript_id, it.manuscript_org_id, it.title
        from journal_items it
        join journal_issues i on i.id = it.issue_id
        join journals j on j.id = i.journal_id
        ${q.subtreePath ? sql`join orgs mo on mo.id = it.manuscript_org_id` : sql``}
        where i.status = 'published' and i.issue_date >= ${q.from}::date and i.issue_date < ${q.to}::date
        ${q.subtreePath ? sql`and mo.path like ${`${q.subtreePath}%`}` : sql``}
        ${
          q.manuscriptIds
            ? sql`and it.manuscript_id in (${sql.join(
                q.manuscriptIds.map((id) => sql`${id}`),
                sql`, `,
              )})`
            : sql``
        }
        order by i.issue_date, j.name, i.number, it.position`,
  );
}

/** Published issues of journals owned inside a subtree, with 出刊日期 in the year. */
export async function publishedIssueCount(db: Executor, q: { subtreePath: string; year: number }): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from journal_issues i join orgs o on o.id = i.org_id
        where i.status = 'published' and i.year = ${q.year} and o.path like ${`${q.subtreePath}%`}`,
  );
  return Number(rows[0]?.n ?? 0);
}
