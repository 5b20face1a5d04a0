/**
 * Yearly ranking (统计 · 年度 · 按单位) and a quarterly bulletin's numbers (通报: the ranking of an
 * office's subtree, its totals, the units commended and criticised) on generated data: 10,000
 * units, 1M manuscripts, 2M adoptions and their score lines, 100k releases — each through the verb
 * the product runs, against the one raw SQL statement that computes the same thing. Same database,
 * same run, alternating rounds.
 *
 * Reproduce (a throwaway PostgreSQL 15 cluster, see BENCHMARKS.md):
 *   DATABASE_URL=postgres://postgres@127.0.0.1:55452/postgres npx tsx bench/scoring/run.ts [--units=10000 --manuscripts=1000000 --rounds=5]
 * It creates and drops the database `xl_bench_scoring` next to the one named.
 * `--engine=pglite` runs the same on the embedded engine (in memory; nothing to start).
 */
import { migrateDatabase, openDatabase, type Database } from '@xuanlian/db';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { SYSTEM_ACTOR, type Ctx } from '../../apps/server/src/core/context.ts';
import { queryRows } from '../../apps/server/src/core/sql.ts';
import { numbersFrom } from '../../apps/server/src/modules/bulletins/narrative.ts';
import { ensureStandardOutlets } from '../../apps/server/src/modules/outlets/index.ts';
import { getStatistics } from '../../apps/server/src/modules/statistics/verbs/statistics.ts';
import { wireModules } from '../../apps/server/src/wiring.ts';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const UNITS = Number(arg('units', '10000'));
const MANUSCRIPTS = Number(arg('manuscripts', '1000000'));
const ROUNDS = Number(arg('rounds', '5'));
const ENGINE = arg('engine', 'pg') === 'pglite' ? 'pglite' : 'pg';
const COMMEND_TOP = 10;
// --keep leaves the generated database in place; --reuse measures it again without reloading (PostgreSQL only).
const KEEP = process.argv.includes('--keep');
const REUSE = process.argv.includes('--reuse');
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
  await step(
    'root + units',
    sql`
    with root as (
      insert into orgs (id, path, depth, name, kind, code) values ('00000000-0000-0000-0000-000000000001', '/00000000-0000-0000-0000-000000000001/', 0, '基准市', 'party', 'B0') returning id, path)
    insert into orgs (id, parent_id, path, depth, name, kind, code, sort_order)
    select u.id, root.id, root.path || u.id || '/', 1, '单位' || u.g, 'community', 'B' || u.g, u.g
    from root, (select gen_random_uuid() as id, g from generate_series(1, ${UNITS - 1}) g) u`,
  );
  await step(
    'one reporter per unit',
    sql`
    insert into users (username, name, org_id, status, password_hash)
    select 'b' || o.code, '信息员' || o.code, o.id, 'active', 'x' from orgs o`,
  );
  // Plain tables, not temp ones: the pool may run the next statement on another connection.
  await step('unit list', sql`create table bench_unit_list as select row_number() over (order by o.id) as n, o.id as org_id, u.id as user_id from orgs o join users u on u.org_id = o.id`);
  await step(
    `${MANUSCRIPTS} manuscripts`,
    sql`
    insert into manuscripts (org_id, reporter_id, title, genre, status, content_hash, first_submitted_at, submitted_at, approved_at)
    select ul.org_id, ul.user_id, '稿件' || g, (array['work_info','news','feature','commentary','photo_news','video'])[1 + g % 6],
           case when g % 10 < 9 then 'approved' else 'submitted' end, 'h' || g,
           ts, ts, case when g % 10 < 9 then ts + interval '1 day' end
    from generate_series(1::bigint, ${MANUSCRIPTS}::bigint) g
    join bench_unit_list ul on ul.n = 1 + (g * 7919) % ${UNITS}
    cross join lateral (select timestamp with time zone '2025-01-01 02:00+00' + ((g * 104729) % 364) * interval '1 day' as ts) t`,
  );
  await step('outlet list', sql`create table bench_outlet_list as select row_number() over (order by name) as n, id, level from outlets`);
  // 90 % approved, each adopted 2 or (one in five) 3 times by different outlets: ≈ 2M for 1M manuscripts.
  await step(
    'adoptions',
    sql`
    insert into adoptions (manuscript_id, org_id, outlet_id, adopted_on, status, entered_by_name, verified_by_name, verified_at, front_page)
    select m.id, m.org_id, o.id, least((m.approved_at at time zone 'Asia/Shanghai')::date + k, date '2025-12-31'), 'verified', '基准', '基准', now(), (abs(hashtext(m.id::text)) + k) % 17 = 0
    from manuscripts m
    cross join lateral generate_series(1, 2 + (abs(hashtext(m.id::text)) % 5 = 0)::int) k
    join bench_outlet_list o on o.n = 1 + (abs(hashtext(m.id::text)) % 22 + k * 5) % 22
    where m.approved_at is not null`,
  );
  // One unit line and one person line per adoption, valued like the default rules; the ranking
  // reads the ledger, so its size (not how it was filled) is what matters here.
  await step(
    'score lines (unit + person per adoption)',
    sql`
    insert into score_lines (period, subject_type, org_id, user_id, centi, rule_version, rule_ref, explanation, source_type, source_id, manuscript_id)
    select to_char(a.adopted_on, 'YYYY-MM'), s.subject, a.org_id, case when s.subject = 'user' then m.reporter_id end,
           case o.level when 'central' then 2000 when 'province' then 1000 when 'city' then 500 when 'county' then 200 else 300 end * case when a.front_page then 2 else 1 end,
           1, 'level_genre.' || o.level || '.' || m.genre, '基准数据', 'adoption', a.id::text, a.manuscript_id
    from adoptions a join outlets o on o.id = a.outlet_id join manuscripts m on m.id = a.manuscript_id
    cross join (values ('org'), ('user')) s(subject)`,
  );
  await step(
    'endorsements (1 per 200 manuscripts)',
    sql`
    insert into endorsements (manuscript_id, org_id, leader_level, leader_name, endorsed_on, entered_by_name)
    select id, org_id, 'city', '领导', (approved_at at time zone 'Asia/Shanghai')::date + 5, '基准' from manuscripts where approved_at is not null and abs(hashtext(id::text)) % 200 = 0`,
  );
  // One release in ten approved pieces on the office's website: the bulletin's 发布 column.
  await step(
    'releases (1 per 10 approved)',
    sql`
    with ch as (insert into release_channels (org_id, name, kind) values ('00000000-0000-0000-0000-000000000001', '基准市门户网站', 'website') returning id)
    insert into releases (manuscript_id, channel_id, org_id, title, body_html, released_at, released_by_name)
    select m.id, ch.id, m.org_id, m.title, '', m.approved_at + interval '2 days', '基准' from manuscripts m, ch
    where m.approved_at is not null and abs(hashtext(m.id::text)) % 10 = 0`,
  );
  await step('analyze', sql`analyze`);
  const [counts] = await queryRows<{ orgs: number; manuscripts: number; adoptions: number; lines: number; releases: number }>(
    db,
    sql`select (select count(*) from orgs)::int as orgs, (select count(*) from manuscripts)::int as manuscripts, (select count(*) from adoptions)::int as adoptions, (select count(*) from score_lines)::int as lines, (select count(*) from releases)::int as releases`,
  );
  log(`loaded ${JSON.stringify(counts)}`);
}

/**
 * The ranking table in one statement, what a hand-written report would run: every active unit
 * under `path` with its counts for the Beijing dates `from`..`to`, its points and rank; plus what
 * the bulletin prints from it — the totals (window sums) and the commended / criticised flags.
 */
const rawRanking = (from: string, to: string, path: string) => sql`
  with s as (select org_id, count(*) n from manuscripts where (first_submitted_at at time zone 'Asia/Shanghai')::date between ${from} and ${to} group by 1),
       ap as (select org_id, count(*) n from manuscripts where status = 'approved' and (approved_at at time zone 'Asia/Shanghai')::date between ${from} and ${to} group by 1),
       rl as (select org_id, count(*) n from releases where status = 'released' and (released_at at time zone 'Asia/Shanghai')::date between ${from} and ${to} group by 1),
       ad as (select a.org_id, count(*) filter (where t.level = 'central') c, count(*) filter (where t.level = 'province') p, count(*) filter (where t.level = 'city') ci,
                     count(*) filter (where t.level = 'county') co, count(*) filter (where t.level = 'own') ow
              from adoptions a join outlets t on t.id = a.outlet_id where a.status = 'verified' and a.adopted_on between ${from} and ${to} group by 1),
       e as (select org_id, count(*) n from endorsements where endorsed_on between ${from} and ${to} group by 1),
       pts as (select org_id, sum(centi) n from score_lines where subject_type = 'org' and period between ${from.slice(0, 7)} and ${to.slice(0, 7)} group by 1),
       t as (
         select o.id, o.name, coalesce(s.n, 0) submitted, coalesce(ap.n, 0) approved, coalesce(rl.n, 0) released, coalesce(ad.c, 0) central, coalesce(ad.p, 0) province,
                coalesce(ad.ci, 0) city, coalesce(ad.co, 0) county, coalesce(ad.ow, 0) own, coalesce(e.n, 0) endorsements, coalesce(pts.n, 0) / 100.0 points,
                rank() over (order by coalesce(pts.n, 0) desc) rnk
         from orgs o left join s on s.org_id = o.id left join ap on ap.org_id = o.id left join rl on rl.org_id = o.id left join ad on ad.org_id = o.id
              left join e on e.org_id = o.id left join pts on pts.org_id = o.id
         where o.status = 'active' and o.path like ${`${path}%`})
  select t.*, sum(submitted) over () tot_submitted, sum(approved) over () tot_approved, sum(released) over () tot_released,
         sum(central + province + city + county + own) over () tot_adopted, sum(endorsements) over () tot_endorsements, sum(points) over () tot_points,
         (rnk <= ${COMMEND_TOP} and points > 0) commended, (submitted = 0) criticised
  from t order by rnk, name`;

interface RawRow {
  id: string;
  points: string | number;
  rnk: number;
  submitted: number;
  released: number;
  central: number;
  tot_submitted: string | number;
  commended: boolean;
  criticised: boolean;
}

/** Times `verb` and `raw` in alternating rounds; medians and their ratio. */
async function pair(name: string, verb: () => Promise<unknown>, raw: () => Promise<unknown>) {
  const verbMs: number[] = [];
  const rawMs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    let t0 = performance.now();
    await verb();
    verbMs.push(performance.now() - t0);
    t0 = performance.now();
    await raw();
    rawMs.push(performance.now() - t0);
    log(`${name} round ${i + 1}: verb ${verbMs.at(-1)?.toFixed(0)} ms, raw ${rawMs.at(-1)?.toFixed(0)} ms`);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const v = median(verbMs);
  const r = median(rawMs);
  return { verbMedianMs: Math.round(v), rawMedianMs: Math.round(r), ratio: Math.round((v / r) * 100) / 100, verbMs: verbMs.map(Math.round), rawMs: rawMs.map(Math.round) };
}

async function openBench(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (ENGINE === 'pglite') return { database: await openDatabase({}), drop: async () => undefined };
  if (!REUSE) {
    await admin(`drop database if exists ${DB_NAME} with (force)`);
    await admin(`create database ${DB_NAME} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
  }
  const u = new URL(SERVER_URL);
  u.pathname = `/${DB_NAME}`;
  return { database: await openDatabase({ databaseUrl: u.toString(), poolSize: 6 }), drop: () => (KEEP ? Promise.resolve() : admin(`drop database if exists ${DB_NAME} with (force)`)) };
}

async function main() {
  wireModules(); // the 发布 column counts releases, as in the served app
  const { database, drop } = await openBench();
  try {
    const t0 = Date.now();
    if (!(REUSE && ENGINE === 'pg')) {
      await migrateDatabase(database);
      await load(database);
    }
    const loadS = Math.round((Date.now() - t0) / 1000);
    const ctx = { db: database.db, actor: SYSTEM_ACTOR } as unknown as Ctx;
    const [root] = await queryRows<{ id: string; path: string }>(database.db, sql`select id, path from orgs where depth = 0`);
    if (!root) throw new Error('no root unit');
    const yearly = { grain: 'year' as const, period: String(YEAR), by: 'org' as const };
    const quarter = { grain: 'quarter' as const, period: `${YEAR}-Q4`, by: 'org' as const, orgId: root.id };
    const rawYear = () => queryRows<RawRow>(database.db, rawRanking(`${YEAR}-01-01`, `${YEAR}-12-31`, root.path));
    const rawQuarter = () => queryRows<RawRow>(database.db, rawRanking(`${YEAR}-10-01`, `${YEAR}-12-31`, root.path));
    // What 一键起草 computes before it writes the text: the statistics of the office's subtree and
    // the numbers taken from them (totals, commended, criticised).
    const bulletinNumbers = async () => numbersFrom(await getStatistics({ ctx, query: quarter }), COMMEND_TOP);

    // Warm both once and check they agree, row by row, before timing anything.
    let mismatches = 0;
    const verb = await getStatistics({ ctx, query: yearly });
    const byId = new Map((await rawYear()).map((r) => [r.id, r]));
    for (const r of verb.rows) {
      const x = byId.get(r.orgId);
      if (!x || Number(x.points) !== r.points || Number(x.rnk) !== r.rank || Number(x.submitted) !== r.submitted || Number(x.central) !== r.adopted.central || Number(x.released) !== r.released)
        mismatches++;
    }
    const numbers = await bulletinNumbers();
    const rq = await rawQuarter();
    const rqById = new Map(rq.map((r) => [r.id, r]));
    for (const r of numbers.rows) {
      const x = rqById.get(r.orgId);
      if (!x || Number(x.points) !== r.points || Number(x.rnk) !== r.rank || Number(x.released) !== r.released) mismatches++;
    }
    if (Number(rq[0]?.tot_submitted) !== numbers.totals.submitted) mismatches++;
    if (rq.filter((r) => r.commended).length !== numbers.commended.length || rq.filter((r) => r.criticised).length !== numbers.criticised.length) mismatches++;
    log(`rows: yearly ${verb.rows.length}, quarter ${numbers.rows.length}; commended ${numbers.commended.length}, criticised ${numbers.criticised.length}; mismatches ${mismatches}`);

    const ranking = await pair('yearly ranking', () => getStatistics({ ctx, query: yearly }), rawYear);
    const bulletin = await pair('bulletin numbers', bulletinNumbers, rawQuarter);
    console.log(JSON.stringify({ engine: ENGINE, units: UNITS, manuscripts: MANUSCRIPTS, rounds: ROUNDS, loadS, mismatches, ranking, bulletin }));
  } finally {
    await database.close();
    await drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
