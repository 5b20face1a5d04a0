import type { Executor } from '@xuanlian/db';
import { sql, type SQL } from 'drizzle-orm';
import { pathFilter, type Scope } from '../../core/scope.ts';
import { inIdSet, queryRows, type IdSet } from '../../core/sql.ts';

/**
 * One grouped query per measure over any number of units or people, straight from the tables
 * the other modules write (manuscripts, adoptions, endorsements, score lines) — read only, the
 * way the targets module reads the activity ledger. Dates are Beijing dates; `from`/`to` are
 * inclusive YYYY-MM-DD, periods YYYY-MM.
 */

export interface Range {
  from: string;
  to: string;
}

export interface Subject {
  orgId: string;
  orgName: string;
  userId: string | null;
  userName: string | null;
}

export interface Actuals {
  submitted: number;
  approved: number;
  adopted: Record<'central' | 'province' | 'city' | 'county' | 'own', number>;
  endorsements: number;
  centi: number;
}

const zero = (): Actuals => ({ submitted: 0, approved: 0, adopted: { central: 0, province: 0, city: 0, county: 0, own: 0 }, endorsements: 0, centi: 0 });
const cn = (col: string) => sql.raw(`(${col} at time zone 'Asia/Shanghai')::date`);

/** The active units of the scope (within a subtree), as a subquery of their ids. */
export function unitSet(scope: Scope, subtreePath: string | null): SQL {
  return sql`select o.id from orgs o where ${pathFilter(scope, sql`o.path`)} and o.status = 'active' ${subtreePath ? sql`and o.path like ${`${subtreePath}%`}` : sql``}`;
}

export async function unitsInScope(db: Executor, scope: Scope, subtreePath: string | null): Promise<Subject[]> {
  const rows = await queryRows<{ id: string; name: string }>(db, sql`select o.id, o.name from orgs o where o.id in (${unitSet(scope, subtreePath)}) order by o.depth, o.sort_order, o.name`);
  return rows.map((r) => ({ orgId: r.id, orgName: r.name, userId: null, userName: null }));
}

export async function peopleInScope(db: Executor, scope: Scope, subtreePath: string | null): Promise<Subject[]> {
  const rows = await queryRows<{ id: string; name: string; org_id: string; org_name: string }>(
    db,
    sql`select u.id, u.name, o.id as org_id, o.name as org_name from users u join orgs o on o.id = u.org_id
        where ${pathFilter(scope, sql`o.path`)} and u.status = 'active'
          ${subtreePath ? sql`and o.path like ${`${subtreePath}%`}` : sql``}
          and exists (select 1 from role_grants g where g.user_id = u.id and g.role in ('reporter', 'chief_reporter'))
        order by o.depth, o.sort_order, o.name, u.name`,
  );
  return rows.map((r) => ({ orgId: r.org_id, orgName: r.org_name, userId: r.id, userName: r.name }));
}

/** Per unit: its own manuscripts, adoptions, endorsements and unit score lines. */
export async function unitActuals(db: Executor, orgIds: IdSet, range: Range): Promise<Map<string, Actuals>> {
  const out = new Map<string, Actuals>(Array.isArray(orgIds) ? orgIds.map((id) => [id, zero()]) : []);
  if (Array.isArray(orgIds) && orgIds.length === 0) return out;
  const inSet = (col: string) => inIdSet(sql.raw(col), orgIds);
  const pFrom = range.from.slice(0, 7);
  const pTo = range.to.slice(0, 7);
  const [subs, appr, ads, ends, pts] = await Promise.all([
    queryRows<{ k: string; n: number }>(
      db,
      sql`select org_id as k, count(*)::int as n from manuscripts where ${inSet('org_id')} and ${cn('first_submitted_at')} between ${range.from} and ${range.to} group by 1`,
    ),
    queryRows<{ k: string; n: number }>(
      db,
      sql`select org_id as k, count(*)::int as n from manuscripts where ${inSet('org_id')} and status = 'approved' and ${cn('approved_at')} between ${range.from} and ${range.to} group by 1`,
    ),
    queryRows<{ k: string; level: string; n: number }>(
      db,
      sql`select a.org_id as k, t.level, count(*)::int as n from adoptions a join outlets t on t.id = a.outlet_id
          where ${inSet('a.org_id')} and a.status = 'verified' and a.adopted_on between ${range.from} and ${range.to} group by 1, 2`,
    ),
    queryRows<{ k: string; n: number }>(db, sql`select org_id as k, count(*)::int as n from endorsements where ${inSet('org_id')} and endorsed_on between ${range.from} and ${range.to} group by 1`),
    queryRows<{ k: string; n: number }>(
      db,
      sql`select org_id as k, sum(centi)::int as n from score_lines where subject_type = 'org' and ${inSet('org_id')} and period between ${pFrom} and ${pTo} group by 1`,
    ),
  ]);
  return fill(out, subs, appr, ads, ends, pts);
}

/** Per person: manuscripts they reported, their adoptions and endorsements, their person score lines. */
export async function personActuals(db: Executor, userIds: string[], range: Range): Promise<Map<string, Actuals>> {
  const out = new Map<string, Actuals>(userIds.map((id) => [id, zero()]));
  if (userIds.length === 0) return out;
  const pFrom = range.from.slice(0, 7);
  const pTo = range.to.slice(0, 7);
  const [subs, appr, ads, ends, pts] = await Promise.all([
    queryRows<{ k: string; n: number }>(
      db,
      sql`select reporter_id as k, count(*)::int as n from manuscripts where reporter_id in ${userIds} and ${cn('first_submitted_at')} between ${range.from} and ${range.to} group by 1`,
    ),
    queryRows<{ k: string; n: number }>(
      db,
      sql`select reporter_id as k, count(*)::int as n from manuscripts where reporter_id in ${userIds} and status = 'approved' and ${cn('approved_at')} between ${range.from} and ${range.to} group by 1`,
    ),
    queryRows<{ k: string; level: string; n: number }>(
      db,
      sql`select m.reporter_id as k, t.level, count(*)::int as n from adoptions a join outlets t on t.id = a.outlet_id join manuscripts m on m.id = a.manuscript_id
          where m.reporter_id in ${userIds} and a.status = 'verified' and a.adopted_on between ${range.from} and ${range.to} group by 1, 2`,
    ),
    queryRows<{ k: string; n: number }>(
      db,
      sql`select m.reporter_id as k, count(*)::int as n from endorsements e join manuscripts m on m.id = e.manuscript_id where m.reporter_id in ${userIds} and e.endorsed_on between ${range.from} and ${range.to} group by 1`,
    ),
    queryRows<{ k: string; n: number }>(
      db,
      sql`select user_id as k, sum(centi)::int as n from score_lines where subject_type = 'user' and user_id in ${userIds} and period between ${pFrom} and ${pTo} group by 1`,
    ),
  ]);
  return fill(out, subs, appr, ads, ends, pts);
}

function fill(
  out: Map<string, Actuals>,
  subs: Array<{ k: string; n: number }>,
  appr: Array<{ k: string; n: number }>,
  ads: Array<{ k: string; level: string; n: number }>,
  ends: Array<{ k: string; n: number }>,
  pts: Array<{ k: string; n: number }>,
): Map<string, Actuals> {
  // Keyed by what the queries return: a subquery set has no list to start from.
  const at = (k: string): Actuals => {
    let a = out.get(k);
    if (!a) out.set(k, (a = zero()));
    return a;
  };
  for (const r of subs) at(r.k).submitted = Number(r.n);
  for (const r of appr) at(r.k).approved = Number(r.n);
  for (const r of ads) {
    const a = at(r.k);
    if (r.level in a.adopted) a.adopted[r.level as keyof Actuals['adopted']] += Number(r.n);
  }
  for (const r of ends) at(r.k).endorsements = Number(r.n);
  for (const r of pts) at(r.k).centi = Number(r.n);
  return out;
}

/** Monthly series of one subtree (or the whole scope) for the trend chart. */
export async function monthlyTrend(db: Executor, scope: Scope, subtreePath: string | null, year: number) {
  const inScope = sql`org_id in (select o.id from orgs o where ${pathFilter(scope, sql`o.path`)} ${subtreePath ? sql`and o.path like ${`${subtreePath}%`}` : sql``})`;
  const [subs, ads, pts] = await Promise.all([
    queryRows<{ p: string; n: number }>(
      db,
      sql`select to_char(first_submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM') as p, count(*)::int as n from manuscripts where ${inScope} and extract(year from first_submitted_at at time zone 'Asia/Shanghai')::int = ${year} group by 1`,
    ),
    queryRows<{ p: string; n: number }>(
      db,
      sql`select to_char(adopted_on, 'YYYY-MM') as p, count(*)::int as n from adoptions where ${inScope} and status = 'verified' and extract(year from adopted_on)::int = ${year} group by 1`,
    ),
    queryRows<{ p: string; n: number }>(db, sql`select period as p, sum(centi)::int as n from score_lines where subject_type = 'org' and ${inScope} and period like ${`${year}-%`} group by 1`),
  ]);
  return { subs, ads, pts };
}
