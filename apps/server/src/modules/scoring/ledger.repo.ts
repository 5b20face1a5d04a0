import { scoreLines, scorePeriods, type Executor } from '@xuanlian/db';
import { and, asc, inArray, notInArray, sql } from 'drizzle-orm';
import { queryRows } from '../../core/sql.ts';
import type { EngineLine } from './engine/engine.ts';

export type ScoreLineRow = typeof scoreLines.$inferSelect;

export async function closedPeriods(db: Executor): Promise<Set<string>> {
  return new Set((await db.select({ p: scorePeriods.period }).from(scorePeriods)).map((r) => r.p));
}

export async function periodRows(db: Executor) {
  return db.select().from(scorePeriods).orderBy(asc(scorePeriods.period));
}

/** Closes a period once: false when it already was. */
export async function insertClosedPeriod(tx: Executor, period: string, by: { id: string | null; name: string }): Promise<boolean> {
  const rows = await tx.insert(scorePeriods).values({ period, closedBy: by.id, closedByName: by.name }).onConflictDoNothing().returning();
  return rows.length > 0;
}

/** Adoption points per manuscript already frozen in closed periods (unit lines). */
export async function frozenAdoptionCenti(db: Executor, manuscriptIds: readonly string[] | null): Promise<Map<string, number>> {
  const rows = await queryRows<{ manuscript_id: string; c: number }>(
    db,
    sql`select l.manuscript_id, sum(l.centi)::int as c from score_lines l join score_periods p on p.period = l.period
        where l.subject_type = 'org' and l.source_type in ('adoption', 'journal') and l.manuscript_id is not null
        ${manuscriptIds ? sql`and l.manuscript_id in ${manuscriptIds}` : sql``}
        group by 1`,
  );
  return new Map(rows.map((r) => [r.manuscript_id, Number(r.c)]));
}

/** Open-period lines go; closed periods are never touched. */
export async function deleteOpenLines(tx: Executor, closed: Set<string>, manuscriptIds: readonly string[] | null): Promise<void> {
  const conds = [closed.size ? notInArray(scoreLines.period, [...closed]) : sql`true`];
  if (manuscriptIds) conds.push(inArray(scoreLines.manuscriptId, [...manuscriptIds]));
  if (manuscriptIds && manuscriptIds.length === 0) return;
  await tx.delete(scoreLines).where(and(...conds));
}

export async function insertLines(tx: Executor, lines: EngineLine[]): Promise<void> {
  for (let i = 0; i < lines.length; i += 500) {
    await tx.insert(scoreLines).values(lines.slice(i, i + 500).map((l, j) => ({ ...l, seq: i + j })));
  }
}

export async function linesFor(db: Executor, subject: { type: 'org'; orgId: string } | { type: 'user'; userId: string }, from: string | undefined, to: string | undefined) {
  return queryRows<ScoreLineRow & { org_name: string; user_name: string | null; manuscript_title: string | null }>(
    db,
    sql`select l.id, l.period, l.subject_type as "subjectType", l.org_id as "orgId", l.user_id as "userId", l.centi,
               l.rule_version as "ruleVersion", l.rule_ref as "ruleRef", l.explanation, l.source_type as "sourceType",
               l.source_id as "sourceId", l.manuscript_id as "manuscriptId", o.name as org_name, u.name as user_name, m.title as manuscript_title
        from score_lines l join orgs o on o.id = l.org_id left join users u on u.id = l.user_id left join manuscripts m on m.id = l.manuscript_id
        where ${subject.type === 'org' ? sql`l.subject_type = 'org' and l.org_id = ${subject.orgId}` : sql`l.subject_type = 'user' and l.user_id = ${subject.userId}`}
          ${from ? sql`and l.period >= ${from}` : sql``} ${to ? sql`and l.period <= ${to}` : sql``}
        order by l.period desc, l.created_at, l.seq`,
  );
}

/** One recomputation at a time: two writers replacing the same open lines would double them. */
export async function lockRecompute(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('xuanlian.scoring.recompute'))`);
}
