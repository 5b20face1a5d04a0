import { adoptions, type Executor } from '@xuanlian/db';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { orgIdFilter, type Scope } from '../../core/scope.ts';
import { queryRows } from '../../core/sql.ts';

export type AdoptionRow = typeof adoptions.$inferSelect;
export interface AdoptionView extends AdoptionRow {
  manuscriptTitle: string;
  orgName: string;
  orgPath: string;
  outletName: string;
  outletLevel: string;
}

/**
 * A manuscript an adoption may be recorded for, read straight from its table (read only): the
 * manuscripts module has no verb for "an approved manuscript of a unit in this scope".
 */
export async function manuscriptInScope(db: Executor, scope: Scope, id: string): Promise<{ id: string; orgId: string; title: string; status: string } | undefined> {
  const rows = await queryRows<{ id: string; org_id: string; title: string; status: string }>(
    db,
    sql`select m.id, m.org_id, m.title, m.status from manuscripts m where m.id = ${id} and ${orgIdFilter(scope, sql`m.org_id`)}`,
  );
  const r = rows[0];
  return r ? { id: r.id, orgId: r.org_id, title: r.title, status: r.status } : undefined;
}

const VIEW = sql`select a.*, m.title as "manuscriptTitle", o.name as "orgName", o.path as "orgPath", t.name as "outletName", t.level as "outletLevel"
  from adoptions a join manuscripts m on m.id = a.manuscript_id join orgs o on o.id = a.org_id join outlets t on t.id = a.outlet_id`;

type RawView = Record<string, unknown>;
/** Raw rows come back snake_case; the view keeps drizzle's field names. */
function toView(r: RawView): AdoptionView {
  const d = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));
  return {
    id: String(r.id),
    manuscriptId: String(r.manuscript_id),
    orgId: String(r.org_id),
    outletId: String(r.outlet_id),
    adoptedOn: String(r.adopted_on).slice(0, 10),
    columnName: String(r.column_name),
    page: String(r.page),
    edition: String(r.edition),
    url: String(r.url),
    frontPage: Boolean(r.front_page),
    length: r.length === null ? null : Number(r.length),
    kind: String(r.kind),
    ghostwritten: Boolean(r.ghostwritten),
    evidenceSha256: (r.evidence_sha256 as string | null) ?? null,
    evidenceName: (r.evidence_name as string | null) ?? null,
    evidenceMime: (r.evidence_mime as string | null) ?? null,
    evidenceNote: (r.evidence_note as string | null) ?? null,
    status: String(r.status),
    enteredBy: (r.entered_by as string | null) ?? null,
    enteredByName: String(r.entered_by_name),
    verifiedBy: (r.verified_by as string | null) ?? null,
    verifiedByName: (r.verified_by_name as string | null) ?? null,
    verifiedAt: d(r.verified_at),
    rejectReason: (r.reject_reason as string | null) ?? null,
    createdAt: d(r.created_at) as Date,
    updatedAt: d(r.updated_at) as Date,
    manuscriptTitle: String(r.manuscriptTitle),
    orgName: String(r.orgName),
    orgPath: String(r.orgPath),
    outletName: String(r.outletName),
    outletLevel: String(r.outletLevel),
  };
}

export async function findAdoptionView(db: Executor, scope: Scope, id: string): Promise<AdoptionView | undefined> {
  const rows = await queryRows<RawView>(db, sql`${VIEW} where a.id = ${id} and ${orgIdFilter(scope, sql`a.org_id`)}`);
  return rows[0] ? toView(rows[0]) : undefined;
}

export async function findByManuscriptOutlet(db: Executor, manuscriptId: string, outletId: string): Promise<AdoptionRow | undefined> {
  return (
    await db
      .select()
      .from(adoptions)
      .where(and(eq(adoptions.manuscriptId, manuscriptId), eq(adoptions.outletId, outletId)))
  )[0];
}

export async function listAdoptionViews(
  db: Executor,
  scope: Scope,
  f: { status?: string | undefined; orgPath?: string | undefined; manuscriptId?: string | undefined; notEnteredBy?: string | undefined; page: number; pageSize: number },
) {
  const conds: SQL[] = [orgIdFilter(scope, sql`a.org_id`)];
  if (f.status) conds.push(sql`a.status = ${f.status}`);
  if (f.orgPath) conds.push(sql`o.path like ${`${f.orgPath}%`}`);
  if (f.manuscriptId) conds.push(sql`a.manuscript_id = ${f.manuscriptId}`);
  if (f.notEnteredBy) conds.push(sql`a.entered_by is distinct from ${f.notEnteredBy}`);
  const where = sql.join(conds, sql` and `);
  const [rows, total] = await Promise.all([
    queryRows<RawView>(db, sql`${VIEW} where ${where} order by a.created_at desc, a.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from adoptions a join orgs o on o.id = a.org_id where ${where}`),
  ]);
  return { rows: rows.map(toView), total: Number(total[0]?.n ?? 0) };
}

export async function insertAdoption(tx: Executor, v: typeof adoptions.$inferInsert): Promise<AdoptionRow> {
  const row = (await tx.insert(adoptions).values(v).returning())[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Moves a pending adoption; 0 rows means someone else decided first. */
export async function decidePending(tx: Executor, id: string, set: Partial<AdoptionRow>): Promise<boolean> {
  const rows = await tx
    .update(adoptions)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(adoptions.id, id), eq(adoptions.status, 'pending')))
    .returning({ id: adoptions.id });
  return rows.length > 0;
}

export async function setEvidence(tx: Executor, id: string, e: { sha256: string; name: string; mime: string }): Promise<void> {
  await tx.update(adoptions).set({ evidenceSha256: e.sha256, evidenceName: e.name, evidenceMime: e.mime, evidenceNote: null, updatedAt: new Date() }).where(eq(adoptions.id, id));
}

export async function findAdoptionRow(db: Executor, id: string): Promise<AdoptionRow | undefined> {
  return (await db.select().from(adoptions).where(eq(adoptions.id, id)))[0];
}

/** The saved page (or the note why not) — only while no evidence is there, so a hand upload wins. */
export async function setCapturedEvidence(tx: Executor, id: string, set: { evidenceNote: string } & Partial<Pick<AdoptionRow, 'evidenceSha256' | 'evidenceName' | 'evidenceMime'>>): Promise<boolean> {
  const rows = await tx
    .update(adoptions)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(adoptions.id, id), isNull(adoptions.evidenceSha256)))
    .returning({ id: adoptions.id });
  return rows.length > 0;
}
