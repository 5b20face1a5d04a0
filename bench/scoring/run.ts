/**
 * Yearly ranking (统计 · 年度 · 按单位) on generated data: 10,000 units, 1M manuscripts, 2M adoptions
 * and their score lines, through the statistics verb the API serves, against the one raw SQL
 * statement that computes the same table. Same database, same run, alternating rounds.
 *
 * Reproduce (a throwaway PostgreSQL 15 cluster, see BENCHMARKS.md):
 *   DATABASE_URL=postgres://postgres@127.0.0.1:55452/postgres npx tsx bench/scoring/run.ts [--units=10000 --manuscripts=1000000 --rounds=5]
 * It creates and drops the database `xl_bench_scoring` next to the one named.
 */
import { migrateDatabase, openDatabase, type Database } from '@xuanlian/db';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { SYSTEM_ACTOR, type Ctx } from '../../apps/server/src/core/context.ts';
import { queryRows } from '../../apps/server/src/core/sql.ts';
import { getStatistics } from '../../apps/server/src/modules/statistics/verbs/statistics.ts';
import { ensureStandardOutlets } from '../../apps/server/src/modules/outlets/index.ts';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const UNITS = Number(arg('units', '10000'));
const MANUSCRIPTS = Number(arg('manuscripts', '1000000'));
const ROUNDS = Number(arg('rounds', '5'));
const SERVER_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:55452/postgres';
const DB_NAME = 'xl_bench_scoring';
const YEAR = 2025;

const log = (msg: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

async function admin(query: string): Promise<void> {
  const c = new pg.Client({ connectionString: SERVER_URL });
  await c.connect();
  await c.query(query);
  await c.end();
}

/** Everything is generated inside the database: the load is not what is measured. */
async function load(database: Database): Promise<void> {
  const db = database.db;
  await ensureStandardOutlets(db);
  const step = async (what: string, q: ReturnType<typeof sql>) => {
    const t0 = Date.now();
    await db.execute(q);
    log(`${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  await step('root + units', sql`
    with root as (
      insert into orgs (id, path, depth, name, kind, code) values ('00000000-0000-0000-0000-000000000001', '/00000000-0000-0000-0000-000000000001/', 0, '基准市', 'party', 'B0') returning id, path)
    insert into orgs (id, parent_id, path, depth, name, kind, code, sort_order)
    select u.id, root.id, root.path || u.id || '/', 1, '单位' || u.g, 'community', 'B' || u.g, u.g
    from root, (select gen_random_uuid() as id, g from generate_series(1, ${UNITS - 1}) g) u`);
  await step('one reporter per unit', sql`
    insert into users (username, name, org_id, status, password_hash)
    select 'b' || o.code, '信息员' || o.code, o.id, 'active', 'x' from orgs o`);
  // Plain tables, not temp ones: the pool may run the next statement on another connection.
  await step('unit list', sql`create table bench_unit_list as select row_number() over (order by o.id) as n, o.id as org_id, u.id as user_id from orgs o join users u on u.org_id = o.id`);
  await step(`${MANUSCRIPTS} manuscripts`, sql`
    insert into manuscripts (org_id, reporter_id, title, genre, status, content_hash, first_submitted_at, submitted_at, approved_at)
    select ul.org_id, ul.user_id, '稿件' || g, (array['work_info','news','feature','commentary','photo_news','video'])[1 + g % 6],
           case when g % 10 < 9 then 'approved' else 'submitted' end, 'h' || g,
           ts, ts, case when g % 10 < 9 then ts + interval '1 day' end
    from generate_series(1::bigint, ${MANUSCRIPTS}::bigint) g
    join bench_unit_list ul on ul.n = 1 + (g * 7919) % ${UNITS}
    cross join lateral (select timestamp with time zone '2025-01-01 02:00+00' + ((g * 104729) % 364) * interval '1 day' as ts) t`);
  await step('outlet list', sql`create table bench_outlet_list as select row_number() over (order by name) as n, id, level from outlets`);
  // 90 % approved, each adopted 2 or (one in five) 3 times by different outlets: ≈ 2M for 1M manuscripts.
  await step('adoptions', sql`
    insert into adoptions (manuscript_id, org_id, outlet_id, adopted_on, status, entered_by_name, verified_by_name, verified_at, front_page)
    select m.id, m.org_id, o.id, least((m.approved_at at time zone 'Asia/Shanghai')::date + k, date '2025-12-31'), 'verified', '基准', '基准', now(), (abs(hashtext(m.id::text)) + k) % 17 = 0
    from manuscripts m
    cross join lateral generate_series(1, 2 + (abs(hashtext(m.id::text)) % 5 = 0)::int) k
    join bench_outlet_list o on o.n = 1 + (abs(hashtext(m.id::text)) % 22 + k * 5) % 22
    where m.approved_at is not null`);
  // One unit line and one person line per adoption, valued like the default rules; the ranking
  // reads the ledger, so its size (not how it was filled) is what matters here.
  await step('score lines (unit + person per adoption)', sql`
    insert into score_lines (period, subject_type, org_id, user_id, centi, rule_version, rule_ref, explanation, source_type, source_id, manuscript_id)
    select to_char(a.adopted_on, 'YYYY-MM'), s.subject, a.org_id, case when s.subject = 'user' then m.reporter_id end,
           case o.level when 'central' then 2000 when 'province' then 1000 when 'city' then 500 when 'county' then 200 else 300 end * case when a.front_page then 2 else 1 end,
           1, 'level_genre.' || o.level || '.' || m.genre, '基准数据', 'adoption', a.id::text, a.manuscript_id
    from adoptions a join outlets o on o.id = a.outlet_id join manuscripts m on m.id = a.manuscript_id
    cross join (values ('org'), ('user')) s(subject)`);
  await step('endorsements (1 per 200 manuscripts)', sql`
    insert into endorsements (manuscript_id, org_id, leader_level, leader_name, endorsed_on, entered_by_name)
    select id, org_id, 'city', '领导', (approved_at at time zone 'Asia/Shanghai')::date + 5, '基准' from manuscripts where approved_at is not null and abs(hashtext(id::text)) % 200 = 0`);
  await step('analyze', sql`analyze`);
  const [counts] = await queryRows<{ orgs: number; manuscripts: number; adoptions: number; lines: number }>(
    db,
    sql`select (select count(*) from orgs)::int as orgs, (select count(*) from manuscripts)::int as manuscripts, (select count(*) from adoptions)::int as adoptions, (select count(*) from score_lines)::int as lines`,
  );
  log(`loaded ${JSON.stringify(counts)}`);
}

/** The same table in one statement: what a hand-written report would run. */
const RAW = sql`
  with s as (select org_id, count(*) n from manuscripts where (first_submitted_at at time zone 'Asia/Shanghai')::date between ${`${YEAR}-01-01`} and ${`${YEAR}-12-31`} group by 1),
       ap as (select org_id, count(*) n from manuscripts where status = 'approved' and (approved_at at time zone 'Asia/Shanghai')::date between ${`${YEAR}-01-01`} and ${`${YEAR}-12-31`} group by 1),
       ad as (select a.org_id, count(*) filter (where t.level = 'central') c, count(*) filter (where t.level = 'province') p, count(*) filter (where t.level = 'city') ci,
                     count(*) filter (where t.level = 'county') co, count(*) filter (where t.level = 'own') ow
              from adoptions a join outlets t on t.id = a.outlet_id where a.status = 'verified' and a.adopted_on between ${`${YEAR}-01-01`} and ${`${YEAR}-12-31`} group by 1),
       e as (select org_id, count(*) n from endorsements where endorsed_on between ${`${YEAR}-01-01`} and ${`${YEAR}-12-31`} group by 1),
       pts as (select org_id, sum(centi) n from score_lines where subject_type = 'org' and period between ${`${YEAR}-01`} and ${`${YEAR}-12`} group by 1)
  select o.id, o.name, coalesce(s.n, 0) submitted, coalesce(ap.n, 0) approved, coalesce(ad.c, 0) central, coalesce(ad.p, 0) province, coalesce(ad.ci, 0) city,
         coalesce(ad.co, 0) county, coalesce(ad.ow, 0) own, coalesce(e.n, 0) endorsements, coalesce(pts.n, 0) / 100.0 points,
         rank() over (order by coalesce(pts.n, 0) desc) rnk
  from orgs o left join s on s.org_id = o.id left join ap on ap.org_id = o.id left join ad on ad.org_id = o.id left join e on e.org_id = o.id left join pts on pts.org_id = o.id
  where o.status = 'active'
  order by rnk, o.name`;

async function main() {
  await admin(`drop database if exists ${DB_NAME} with (force)`);
  await admin(`create database ${DB_NAME} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
  const u = new URL(SERVER_URL);
  u.pathname = `/${DB_NAME}`;
  const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 6 });
  try {
    await migrateDatabase(database);
    await load(database);
    const ctx = { db: database.db, actor: SYSTEM_ACTOR } as unknown as Ctx;
    const query = { grain: 'year' as const, period: String(YEAR), by: 'org' as const };
    // Warm both once and check they agree on the ranking before timing anything.
    const verb = await getStatistics({ ctx, query });
    const raw = await queryRows<{ id: string; points: string | number; rnk: number; submitted: number; central: number }>(database.db, RAW);
    const rawById = new Map(raw.map((r) => [r.id, r]));
    let mismatches = 0;
    for (const r of verb.rows) {
      const x = rawById.get(r.orgId);
      if (!x || Number(x.points) !== r.points || Number(x.rnk) !== r.rank || Number(x.submitted) !== r.submitted || Number(x.central) !== r.adopted.central) mismatches++;
    }
    log(`rows: verb ${verb.rows.length}, raw ${raw.length}, mismatches ${mismatches}`);
    const verbMs: number[] = [];
    const rawMs: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      let t0 = performance.now();
      await getStatistics({ ctx, query });
      verbMs.push(performance.now() - t0);
      t0 = performance.now();
      await queryRows(database.db, RAW);
      rawMs.push(performance.now() - t0);
      log(`round ${i + 1}: verb ${verbMs.at(-1)?.toFixed(0)} ms, raw ${rawMs.at(-1)?.toFixed(0)} ms`);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const v = median(verbMs);
    const r = median(rawMs);
    console.log(JSON.stringify({ units: UNITS, manuscripts: MANUSCRIPTS, rounds: ROUNDS, verbMedianMs: Math.round(v), rawMedianMs: Math.round(r), ratio: Math.round((v / r) * 100) / 100, mismatches, verbMs: verbMs.map(Math.round), rawMs: rawMs.map(Math.round) }));
  } finally {
    await database.close();
    await admin(`drop database if exists ${DB_NAME} with (force)`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
