/**
 * Loads the generated world straight into the tables (multi-row INSERT for the org tree and the
 * people, INSERT … SELECT inside the database for the manuscripts and their review chains): the
 * shape the product writes, without going through the API. Secondary indexes are dropped for
 * the load and rebuilt after it, as a bulk load would do.
 */
import { sql } from 'drizzle-orm';
import { manuscriptCategories, orgs, roleGrants, users, type Database, type Db } from '@xuanlian/db';
import { queryRows } from '../../apps/server/src/core/sql.ts';
import { nameWords, type TextSpec, type World } from './data.ts';

const TABLES = ['manuscripts', 'review_steps', 'review_assignees', 'review_decisions'];
const CATEGORIES = ['经济发展', '品牌建设', '创新工作', '亮点特色', '工作动态', '其他'];

async function chunked<T>(rows: T[], size: number, fn: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await fn(rows.slice(i, i + size));
}

export async function loadWorld(db: Db, world: World, passwordHash: string): Promise<void> {
  await chunked(world.orgs, 1000, (c) => db.insert(orgs).values(c));
  const now = new Date();
  await chunked(world.users, 1000, (c) =>
    db
      .insert(users)
      .values(c.map((u) => ({ id: u.id, username: u.username, name: u.name, title: u.title, orgId: u.orgId, status: 'active', passwordHash, mustChangePassword: false, passwordChangedAt: now }))),
  );
  await chunked(world.users, 1000, (c) => db.insert(roleGrants).values(c.map((u) => ({ userId: u.id, role: u.role, orgId: u.orgId }))));
  const root = world.orgs[0];
  if (!root) throw new Error('no root');
  await db.insert(manuscriptCategories).values(CATEGORIES.map((name, k) => ({ orgId: root.id, name, sortOrder: k })));
}

/** The helper tables the INSERT … SELECT reads: texts, reporters with their reviewers, categories. */
async function helperTables(db: Db, world: World, texts: TextSpec[]): Promise<void> {
  await db.execute(sql`drop table if exists bench_texts, bench_reporters, bench_cats`);
  await db.execute(sql`create table bench_texts (k int primary key, title text, body_html text, search_text text)`);
  await chunked(
    texts.map((t, k) => ({ ...t, k: k + 1 })),
    500,
    (c) =>
      db.execute(
        sql`insert into bench_texts values ${sql.join(
          c.map((t) => sql`(${t.k}, ${t.title}, ${t.bodyHtml}, ${t.searchText})`),
          sql`, `,
        )}`,
      ),
  );
  const byId = new Map(world.users.map((u) => [u.id, u]));
  const reporters = world.units.flatMap((u) => u.reporters.map((r) => ({ ...u, reporter: r, name: byId.get(r)?.name ?? '' })));
  const words = nameWords(reporters.map((r) => r.name));
  await db.execute(sql`create table bench_reporters (k int primary key, org_id uuid, reporter_id uuid, reporter_name text, name_words text, head uuid, leader uuid, deputy uuid)`);
  await chunked(
    reporters.map((r, k) => ({ ...r, k: k + 1, words: words[k] ?? '' })),
    1000,
    (c) =>
      db.execute(
        sql`insert into bench_reporters values ${sql.join(
          c.map((r) => sql`(${r.k}, ${r.orgId}, ${r.reporter}, ${r.name}, ${r.words}, ${r.head}, ${r.leader}, ${r.deputy})`),
          sql`, `,
        )}`,
      ),
  );
  await db.execute(sql`create table bench_cats as select row_number() over (order by sort_order)::int as k, id from manuscript_categories`);
}

/**
 * `count` manuscripts: 8 % drafts, 6 % waiting for review (submitted in the last three days),
 * 6 % returned, 3 % withdrawn, the rest approved over two years; 75 % 一般 (unit head),
 * 20 % 重大活动 (unit head, then 分管领导), 5 % 重要决策 (分管领导, then 副书记 and the unit head co-signing).
 */
export async function loadManuscripts(database: Database, world: World, texts: TextSpec[], count: number, log: (m: string) => void): Promise<void> {
  const db = database.db;
  await helperTables(db, world, texts);
  const defs = await queryRows<{ indexname: string; indexdef: string }>(
    db,
    sql`select indexname, indexdef from pg_indexes where tablename in ('manuscripts', 'review_steps', 'review_assignees', 'review_decisions')
        and indexname not like '%pkey' and indexdef not like '%UNIQUE%'`,
  );
  for (const d of defs) await db.execute(sql.raw(`drop index ${d.indexname}`));
  const R = world.units.reduce((n, u) => n + u.reporters.length, 0);
  const T = texts.length;
  for (let from = 1; from <= count; from += 100_000) {
    const to = Math.min(count, from + 99_999);
    await db.execute(
      sql.raw(`insert into manuscripts (org_id, reporter_id, title, body_html, category_id, genre, importance, authors, status, version, search_text,
          first_submitted_at, submitted_at, approved_at, created_at, updated_at)
        select r.org_id, r.reporter_id, t.title, t.body_html, c.id,
          (array['work_info','news','feature','commentary','photo_news','video'])[1 + i % 6],
          case when (i * 17) % 100 < 75 then 'general' when (i * 17) % 100 < 95 then 'major_event' else 'key_decision' end,
          jsonb_build_array(jsonb_build_object('name', r.reporter_name, 'userId', r.reporter_id, 'orgId', r.org_id, 'orgName', null, 'share', 100)),
          st.status, case when st.status = 'draft' then 0 else 1 end,
          t.search_text || ' ' || r.name_words,
          case when st.status <> 'draft' then ts.at end, case when st.status <> 'draft' then ts.at end,
          case when st.status = 'approved' then ts.at + interval '5 hours' end,
          ts.at - interval '1 hour', ts.at + interval '5 hours'
        from generate_series(${from}::bigint, ${to}::bigint) i
        cross join lateral (select case when (i * 31) % 100 < 8 then 'draft' when (i * 31) % 100 < 11 then 'submitted' when (i * 31) % 100 < 14 then 'in_review'
          when (i * 31) % 100 < 20 then 'returned' when (i * 31) % 100 < 23 then 'withdrawn' else 'approved' end as status) st
        cross join lateral (select now() - (case when st.status in ('submitted', 'in_review') then (i * 7919) % 259200 else (i * 7919) % 63072000 end) * interval '1 second' as at) ts
        join bench_reporters r on r.k = 1 + (i * 104729) % ${R}
        join bench_texts t on t.k = 1 + (i * 15485863) % ${T}
        join bench_cats c on c.k = 1 + (i * 7) % 6`),
    );
    log(`  ${to.toLocaleString()} manuscripts`);
  }
  // Steps: position 1 for every submitted manuscript, position 2 for 重大活动 and 重要决策.
  // Waiting for review: half at the first step, half with the first approved and the second pending.
  await db.execute(
    sql.raw(`insert into review_steps (manuscript_id, position, name, role, resolve, mode, deadline_hours, unit_id, status, round, activated_at, deadline_at, decided_at, created_at)
      select m.id, p.pos,
        case when m.importance = 'key_decision' then (case when p.pos = 1 then '分管领导审核' else '副书记会签' end)
             else (case when p.pos = 1 then '单位负责人审核' else '分管领导审核' end) end,
        'reviewer', case when p.pos = 1 and m.importance <> 'key_decision' then 'own_unit' else 'parent_unit' end,
        case when m.importance = 'key_decision' and p.pos = 2 then 'all' else 'one' end, 24, m.org_id, x.status, 1,
        case when x.status = 'waiting' then null else m.submitted_at + (p.pos - 1) * interval '2 hours' end,
        case when x.status = 'waiting' then null else m.submitted_at + (p.pos - 1) * interval '2 hours' + interval '24 hours' end,
        case when x.status in ('approved', 'returned') then m.submitted_at + p.pos * interval '2 hours' end,
        m.submitted_at
      from manuscripts m
      cross join lateral (values (1), (2)) p(pos)
      cross join lateral (select case
          when m.status = 'approved' then 'approved'
          when m.status = 'withdrawn' then 'cancelled'
          when m.status = 'returned' then (case when p.pos = 1 then 'returned' else 'waiting' end)
          when m.importance = 'general' or hashtext(m.id::text) % 2 = 0 then (case when p.pos = 1 then 'pending' else 'waiting' end)
          else (case when p.pos = 1 then 'approved' else 'pending' end) end as status) x
      where m.status <> 'draft' and (p.pos = 1 or m.importance <> 'general')`),
  );
  log('  review steps');
  // Assignees of every step that was ever current, resolved as the chain resolves them.
  await db.execute(
    sql.raw(`insert into review_assignees (step_id, user_id, manuscript_id)
      select s.id, who.u, s.manuscript_id
      from review_steps s join manuscripts m on m.id = s.manuscript_id
      join (select distinct on (org_id) org_id, head, leader, deputy from bench_reporters order by org_id) h on h.org_id = m.org_id
      cross join lateral unnest(case
        when m.importance = 'key_decision' and s.position = 1 then array[h.leader]
        when m.importance = 'key_decision' then array[h.deputy, h.head]
        when s.position = 1 then array[h.head]
        else array[h.leader] end) who(u)
      where s.status <> 'waiting'`),
  );
  log('  review assignees');
  await db.execute(
    sql.raw(`insert into review_decisions (manuscript_id, step_id, round, position, reviewer_id, reviewer_name, reviewer_title, decision, comment, version, created_at)
      select s.manuscript_id, s.id, 1, s.position, u.id, u.name, u.title,
        case when s.status = 'returned' then 'return' else 'approve' end,
        case when s.status = 'returned' then '请补充具体数据和时间' else '' end, 1, s.decided_at
      from review_steps s join review_assignees a on a.step_id = s.id join users u on u.id = a.user_id
      where s.status in ('approved', 'returned')`),
  );
  log('  review decisions');
  for (const d of defs) await db.execute(sql.raw(d.indexdef));
  await db.execute(sql`drop table bench_texts, bench_reporters, bench_cats`);
  for (const t of TABLES) await db.execute(sql.raw(`analyze ${t}`));
  await db.execute(sql`checkpoint`);
}
