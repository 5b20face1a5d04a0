import type { Executor } from '@xuanlian/db';
import { sql } from 'drizzle-orm';
import type { Genre, LeaderLevel, OutletLevel } from '@xuanlian/contracts';
import { queryRows } from '../../core/sql.ts';
import { chinaDate } from '../../core/china-time/index.ts';
import { missedTargets } from '../manuscripts/index.ts';
import type { AdoptionInput, AuthorInput, CommissionMissInput, EndorsementInput, ManuscriptInput, MonthlyQuotaInput } from './engine/engine.ts';

/**
 * Reads what the engine scores. Manuscripts, adoptions, endorsements and quotas are read with
 * grouped SQL (one query for any number of rows) rather than through each module's per-record
 * verbs, which would cost a query per row; this file never writes them.
 */

const idFilter = (column: string, ids: readonly string[] | null) => (ids ? sql`and ${sql.raw(column)} in ${ids}` : sql``);

export async function verifiedAdoptions(db: Executor, manuscriptIds: readonly string[] | null): Promise<AdoptionInput[]> {
  if (manuscriptIds && manuscriptIds.length === 0) return [];
  const rows = await queryRows<{ id: string; manuscript_id: string; name: string; level: OutletLevel; adopted_on: string; front_page: boolean; kind: 'original' | 'repost'; ghostwritten: boolean }>(
    db,
    sql`select a.id, a.manuscript_id, o.name, o.level, a.adopted_on::text as adopted_on, a.front_page, a.kind, a.ghostwritten
        from adoptions a join outlets o on o.id = a.outlet_id
        where a.status = 'verified' ${idFilter('a.manuscript_id', manuscriptIds)}`,
  );
  return rows.map((r) => ({ id: r.id, manuscriptId: r.manuscript_id, outletName: r.name, level: r.level, date: r.adopted_on, frontPage: r.front_page, kind: r.kind, ghostwritten: r.ghostwritten }));
}

export async function endorsementInputs(db: Executor, manuscriptIds: readonly string[] | null): Promise<EndorsementInput[]> {
  if (manuscriptIds && manuscriptIds.length === 0) return [];
  const rows = await queryRows<{ id: string; manuscript_id: string; leader_level: LeaderLevel; leader_name: string; endorsed_on: string }>(
    db,
    sql`select id, manuscript_id, leader_level, leader_name, endorsed_on::text as endorsed_on from endorsements e where true ${idFilter('e.manuscript_id', manuscriptIds)}`,
  );
  return rows.map((r) => ({ id: r.id, manuscriptId: r.manuscript_id, leaderLevel: r.leader_level, leaderName: r.leader_name, date: r.endorsed_on }));
}

export async function manuscriptInputs(db: Executor, ids: readonly string[]): Promise<ManuscriptInput[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ id: string; org_id: string; reporter_id: string; title: string; genre: Genre; authors: AuthorInput[] }>(
    db,
    sql`select id, org_id, reporter_id, title, genre, authors from manuscripts where id in ${ids}`,
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    reporterId: r.reporter_id,
    title: r.title,
    genre: r.genre,
    authors: (r.authors ?? []).map((a) => ({ userId: a.userId ?? null, orgId: a.orgId ?? null, share: Number(a.share) })),
  }));
}

export async function commissionMisses(db: Executor): Promise<CommissionMissInput[]> {
  const rows = await missedTargets(db, { all: true }, undefined);
  return rows.map((r) => ({ commissionId: r.commission_id, orgId: r.org_id, topic: r.topic, dueDate: chinaDate(new Date(r.due_at)) }));
}

/** Units' monthly minimums with their submissions per month (Beijing months), for the given years. */
export async function monthlyQuotaInputs(db: Executor, years: number[]): Promise<MonthlyQuotaInput[]> {
  if (years.length === 0) return [];
  // The first whole month in the system: the month after the unit was created, or that month when created on its 1st.
  const quotas = await queryRows<{ org_id: string; year: number; monthly_submissions: number; from_month: string }>(
    db,
    sql`select q.org_id, q.year, q.monthly_submissions,
               to_char(date_trunc('month', (o.created_at at time zone 'Asia/Shanghai') - interval '1 microsecond') + interval '1 month', 'YYYY-MM') as from_month
        from quotas q join orgs o on o.id = q.org_id
        where q.user_id is null and q.monthly_submissions > 0 and q.year in ${years}`,
  );
  if (quotas.length === 0) return [];
  const counts = await queryRows<{ org_id: string; period: string; n: number }>(
    db,
    sql`select org_id, to_char(first_submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM') as period, count(*)::int as n
        from manuscripts
        where first_submitted_at is not null and org_id in ${[...new Set(quotas.map((q) => q.org_id))]}
          and extract(year from first_submitted_at at time zone 'Asia/Shanghai')::int in ${years}
        group by 1, 2`,
  );
  return quotas.map((q) => {
    const submitted: Record<string, number> = {};
    for (const c of counts) if (c.org_id === q.org_id && c.period.startsWith(`${q.year}-`)) submitted[c.period] = Number(c.n);
    return { orgId: q.org_id, year: Number(q.year), monthlySubmissions: Number(q.monthly_submissions), submitted, from: q.from_month };
  });
}

export async function quotaYears(db: Executor): Promise<number[]> {
  return (await queryRows<{ year: number }>(db, sql`select distinct year from quotas`)).map((r) => Number(r.year));
}
