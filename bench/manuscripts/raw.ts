/**
 * The hand-written SQL each measured request needs: the same page (the columns the response
 * shows, nothing else) and the same total, written directly against the tables.
 */

/** $1 reviewer, $2 limit, $3 offset. */
export const PENDING_PAGE_SQL = `
select s.id as step_id, s.name as step_name, s.position, s.mode, m.id as manuscript_id, m.title, m.org_id, o.name as org_name,
  u.name as reporter_name, c.name as category_name, m.importance, m.report_kind, m.submitted_at, s.activated_at, s.deadline_at,
  (select string_agg(au.name, '、' order by au.name) from review_assignees a2 join users au on au.id = a2.user_id where a2.step_id = s.id) as assignee_names
from review_assignees a
join review_steps s on s.id = a.step_id
join manuscripts m on m.id = s.manuscript_id
join orgs o on o.id = m.org_id
join users u on u.id = m.reporter_id
left join manuscript_categories c on c.id = m.category_id
where a.user_id = $1 and s.status = 'pending'
  and not exists (select 1 from review_decisions d where d.step_id = s.id and d.round = s.round and d.reviewer_id = $1)
order by s.deadline_at asc nulls last, s.id
limit $2 offset $3`;

/** $1 reviewer. */
export const PENDING_COUNT_SQL = `
select count(*)::int as n, count(*) filter (where s.deadline_at < now())::int as overdue
from review_assignees a join review_steps s on s.id = a.step_id
where a.user_id = $1 and s.status = 'pending'
  and not exists (select 1 from review_decisions d where d.step_id = s.id and d.round = s.round and d.reviewer_id = $1)`;

/** $1 scope path prefix, $2 segmented query, $3 limit, $4 offset. */
export const SEARCH_PAGE_SQL = `
select m.id, m.title, m.status, m.org_id, o.name as org_name, m.reporter_id, u.name as reporter_name, m.category_id, c.name as category_name,
  m.genre, m.importance, m.report_kind, m.commission_id, m.submitted_at, m.approved_at, m.updated_at,
  (select s.name from review_steps s where s.manuscript_id = m.id and s.status = 'pending' order by s.position limit 1) as current_step_name
from manuscripts m
join orgs o on o.id = m.org_id
join users u on u.id = m.reporter_id
left join manuscript_categories c on c.id = m.category_id
where m.status <> 'draft' and o.path like $1 and m.search_tsv @@ plainto_tsquery('simple', $2)
order by m.submitted_at desc nulls last, m.updated_at desc, m.id desc
limit $3 offset $4`;

/** $1 scope path prefix, $2 segmented query. */
export const SEARCH_COUNT_SQL = `
select count(*)::int as n
from manuscripts m join orgs o on o.id = m.org_id
where m.status <> 'draft' and o.path like $1 and m.search_tsv @@ plainto_tsquery('simple', $2)`;
