import { manuscriptCategories, manuscripts, orgs, users, type Executor } from '@xuanlian/db';
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { orgIdFilter, type Scope } from '../../core/scope.ts';

export type ManuscriptRecord = typeof manuscripts.$inferSelect;
export type ManuscriptRow = ManuscriptRecord & {
  orgName: string;
  orgPath: string;
  reporterName: string;
  categoryName: string | null;
  categoryUrgent: boolean;
  currentStepName: string | null;
};
export type NewManuscript = typeof manuscripts.$inferInsert;

/**
 * Who may read what: the reporter their own manuscripts; anyone whose submit / review / manage
 * scope holds the unit, once it has left the draft state (a 首报 at once); and the reviewers assigned to one of
 * its steps (a named unit's reviewer may sit outside the unit's tree).
 */
export interface ReadAccess {
  userId: string | null;
  scope: Scope | null;
}

export function readFilter(access: ReadAccess): SQL {
  if (access.scope?.all) return sql`true`;
  const parts: SQL[] = [];
  if (access.userId) {
    parts.push(sql`${manuscripts.reporterId} = ${access.userId}`);
    parts.push(sql`exists (select 1 from review_assignees ra where ra.manuscript_id = ${manuscripts.id} and ra.user_id = ${access.userId})`);
  }
  // A 首报 is the office's from the moment it exists: its countdown runs from the event, not from submission.
  if (access.scope) parts.push(sql`((${manuscripts.status} <> 'draft' or ${manuscripts.reportKind} = 'first') and ${orgIdFilter(access.scope, manuscripts.orgId)})`);
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}

const currentStepName = sql<string | null>`(select s.name from review_steps s where s.manuscript_id = ${manuscripts.id} and s.status = 'pending' order by s.position limit 1)`;

const columns = {
  m: manuscripts,
  orgName: orgs.name,
  orgPath: orgs.path,
  reporterName: users.name,
  categoryName: manuscriptCategories.name,
  categoryUrgent: manuscriptCategories.urgent,
  currentStepName,
};

type Joined = { m: ManuscriptRecord; orgName: string; orgPath: string; reporterName: string; categoryName: string | null; categoryUrgent: boolean | null; currentStepName: string | null };
const flatten = (r: Joined): ManuscriptRow => ({
  ...r.m,
  orgName: r.orgName,
  orgPath: r.orgPath,
  reporterName: r.reporterName,
  categoryName: r.categoryName,
  categoryUrgent: r.categoryUrgent ?? false,
  currentStepName: r.currentStepName,
});

function selectJoined(db: Executor) {
  return db
    .select(columns)
    .from(manuscripts)
    .innerJoin(orgs, eq(orgs.id, manuscripts.orgId))
    .innerJoin(users, eq(users.id, manuscripts.reporterId))
    .leftJoin(manuscriptCategories, eq(manuscriptCategories.id, manuscripts.categoryId));
}

/** Fetch-or-null within what the actor may read: a row outside it is indistinguishable from a missing one. */
export async function findManuscriptFor(db: Executor, access: ReadAccess, id: string, opts: { lock?: boolean } = {}): Promise<ManuscriptRow | undefined> {
  const q = selectJoined(db).where(and(eq(manuscripts.id, id), readFilter(access)));
  const rows = opts.lock ? await q.for('update', { of: manuscripts }) : await q;
  const r = rows[0];
  return r ? flatten(r) : undefined;
}

export async function findManuscriptsByIds(db: Executor, ids: string[]): Promise<ManuscriptRow[]> {
  if (ids.length === 0) return [];
  return (await selectJoined(db).where(inArray(manuscripts.id, ids))).map(flatten);
}

export async function insertManuscript(tx: Executor, values: NewManuscript): Promise<ManuscriptRecord> {
  const rows = await tx.insert(manuscripts).values(values).returning();
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

export type ManuscriptSet = Partial<Omit<NewManuscript, 'id' | 'searchTsv'>>;

/**
 * The autosave in one statement: applies only when the row is the reporter's, still editable,
 * at the expected revision and actually different. Anything else returns nothing and the caller
 * looks at the row to say why.
 */
export async function saveIfCurrent(
  db: Executor,
  q: { id: string; reporterId: string; revision: number; contentHash: string; editable: readonly string[] },
  set: ManuscriptSet,
): Promise<{ revision: number; updatedAt: Date } | undefined> {
  const rows = await db
    .update(manuscripts)
    .set({ ...set, contentHash: q.contentHash, revision: sql`${manuscripts.revision} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(manuscripts.id, q.id),
        eq(manuscripts.reporterId, q.reporterId),
        eq(manuscripts.revision, q.revision),
        inArray(manuscripts.status, [...q.editable]),
        sql`${manuscripts.contentHash} <> ${q.contentHash}`,
      ),
    )
    .returning({ revision: manuscripts.revision, updatedAt: manuscripts.updatedAt });
  return rows[0];
}

export async function saveStateOf(db: Executor, id: string) {
  const rows = await db
    .select({ reporterId: manuscripts.reporterId, status: manuscripts.status, revision: manuscripts.revision, contentHash: manuscripts.contentHash, updatedAt: manuscripts.updatedAt })
    .from(manuscripts)
    .where(eq(manuscripts.id, id));
  return rows[0];
}

/**
 * A conditional update: applies only while the row is in one of `fromStatus` (and at
 * `revision`, when given). Returns the new row, or undefined when someone else got there first.
 */
export async function updateManuscriptIf(tx: Executor, id: string, expect: { fromStatus?: readonly string[]; revision?: number }, set: ManuscriptSet): Promise<ManuscriptRecord | undefined> {
  const conds: SQL[] = [eq(manuscripts.id, id)];
  if (expect.fromStatus) conds.push(inArray(manuscripts.status, [...expect.fromStatus]));
  if (expect.revision !== undefined) conds.push(eq(manuscripts.revision, expect.revision));
  const rows = await tx
    .update(manuscripts)
    .set({ ...set, revision: sql`${manuscripts.revision} + 1`, updatedAt: new Date() })
    .where(and(...conds))
    .returning();
  return rows[0];
}

/** Records the latest version number without counting as an edit (the revision stays). */
export async function setVersionNumber(tx: Executor, id: string, version: number): Promise<void> {
  await tx.update(manuscripts).set({ version }).where(eq(manuscripts.id, id));
}

export interface ListFilter {
  access: ReadAccess;
  reporterId?: string;
  excludeDrafts: boolean;
  status?: string | undefined;
  subtreePath?: string | undefined;
  categoryId?: string | undefined;
  genre?: string | undefined;
  importance?: string | undefined;
  commissionId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Already segmented with textkit's forQuery. */
  tsQuery?: string | undefined;
  page: number;
  pageSize: number;
}

function listWhere(f: ListFilter): SQL | undefined {
  const conds: SQL[] = [readFilter(f.access)];
  if (f.reporterId) conds.push(eq(manuscripts.reporterId, f.reporterId));
  if (f.excludeDrafts) conds.push(sql`${manuscripts.status} <> 'draft'`);
  if (f.status) conds.push(eq(manuscripts.status, f.status));
  if (f.subtreePath) conds.push(sql`${orgs.path} like ${`${f.subtreePath}%`}`);
  if (f.categoryId) conds.push(eq(manuscripts.categoryId, f.categoryId));
  if (f.genre) conds.push(eq(manuscripts.genre, f.genre));
  if (f.importance) conds.push(eq(manuscripts.importance, f.importance));
  if (f.commissionId) conds.push(eq(manuscripts.commissionId, f.commissionId));
  // The time filter reads the submission time, or the last change for what was never submitted.
  const at = sql`coalesce(${manuscripts.submittedAt}, ${manuscripts.updatedAt})`;
  if (f.from) conds.push(sql`${at} >= ${f.from.toISOString()}`);
  if (f.to) conds.push(sql`${at} < ${f.to.toISOString()}`);
  // A query of only punctuation segments to nothing: it matches nothing rather than everything.
  if (f.tsQuery !== undefined) conds.push(f.tsQuery ? sql`${manuscripts.searchTsv} @@ plainto_tsquery('simple', ${f.tsQuery})` : sql`false`);
  return and(...conds);
}

export async function listManuscripts(db: Executor, f: ListFilter): Promise<{ rows: ManuscriptRow[]; total: number }> {
  const where = listWhere(f);
  const order = f.reporterId ? [desc(manuscripts.updatedAt), desc(manuscripts.id)] : [sql`${manuscripts.submittedAt} desc nulls last`, desc(manuscripts.updatedAt), desc(manuscripts.id)];
  const [rows, totals] = await Promise.all([
    selectJoined(db)
      .where(where)
      .orderBy(...order)
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(manuscripts).innerJoin(orgs, eq(orgs.id, manuscripts.orgId)).where(where),
  ]);
  return { rows: rows.map(flatten), total: totals[0]?.n ?? 0 };
}

/** Every row of a list, for the spreadsheet export (capped: an export is for reading, not a dump). */
export async function listAllManuscripts(db: Executor, f: Omit<ListFilter, 'page' | 'pageSize'>, cap: number): Promise<ManuscriptRow[]> {
  const rows = await selectJoined(db)
    .where(listWhere({ ...f, page: 1, pageSize: cap }))
    .orderBy(sql`${manuscripts.submittedAt} desc nulls last`, desc(manuscripts.updatedAt))
    .limit(cap);
  return rows.map(flatten);
}

// ── urgent chains ─────────────────────────────────────────────────────────────────────────────
export async function chainMembers(db: Executor, chainId: string): Promise<ManuscriptRecord[]> {
  return db.select().from(manuscripts).where(eq(manuscripts.chainId, chainId)).orderBy(asc(manuscripts.chainSeq));
}

/** Locks the 首报 row, so concurrent 续报 get consecutive sequence numbers. */
export async function lockChainHead(tx: Executor, chainId: string): Promise<ManuscriptRecord | undefined> {
  const rows = await tx.select().from(manuscripts).where(eq(manuscripts.id, chainId)).for('update');
  return rows[0];
}

export async function nextChainSeq(tx: Executor, chainId: string): Promise<number> {
  const rows = await tx
    .select({ n: sql<number>`coalesce(max(${manuscripts.chainSeq}), 0)::int` })
    .from(manuscripts)
    .where(eq(manuscripts.chainId, chainId));
  return Number(rows[0]?.n ?? 0) + 1;
}

export async function closeChain(tx: Executor, chainId: string, at: Date): Promise<void> {
  await tx
    .update(manuscripts)
    .set({ chainClosedAt: at })
    .where(and(eq(manuscripts.chainId, chainId), sql`${manuscripts.chainClosedAt} is null`));
}

/** The 首报 rows of chains, with their unit, for the urgent list and the escalation job. */
export async function listChainHeads(db: Executor, scope: Scope, opts: { openOnly: boolean; chainId?: string }): Promise<Array<ManuscriptRecord & { orgName: string; orgPath: string }>> {
  const conds: SQL[] = [eq(manuscripts.reportKind, 'first'), orgIdFilter(scope, manuscripts.orgId)];
  if (opts.openOnly) conds.push(sql`${manuscripts.chainClosedAt} is null`);
  if (opts.chainId) conds.push(eq(manuscripts.id, opts.chainId));
  const rows = await db
    .select({ m: manuscripts, orgName: orgs.name, orgPath: orgs.path })
    .from(manuscripts)
    .innerJoin(orgs, eq(orgs.id, manuscripts.orgId))
    .where(and(...conds))
    .orderBy(desc(manuscripts.eventAt))
    .limit(500);
  return rows.map((r) => ({ ...r.m, orgName: r.orgName, orgPath: r.orgPath }));
}

export async function markEscalated(tx: Executor, chainId: string, stage: string): Promise<boolean> {
  const rows = await tx
    .update(manuscripts)
    .set({ escalatedStage: stage })
    .where(and(eq(manuscripts.id, chainId), sql`${manuscripts.escalatedStage} is distinct from ${stage}`))
    .returning({ id: manuscripts.id });
  return rows.length > 0;
}

export async function membersOfChains(db: Executor, chainIds: string[]): Promise<ManuscriptRecord[]> {
  if (chainIds.length === 0) return [];
  return db.select().from(manuscripts).where(inArray(manuscripts.chainId, chainIds)).orderBy(asc(manuscripts.chainSeq));
}
