/**
 * The manuscripts / reviews / dictionaries / commissions rows of the scope matrix
 * (src/scope-matrix.test.ts): each builds its target inside the unit it is given, so the
 * matrix can ask for it inside and outside the actor's subtree. Not a test file itself.
 */
import type { Permission } from '@xuanlian/contracts';
import type { TestApp } from '../../../../test/app.ts';
import { buildCategories, buildUser, insertManuscriptRow, insertPendingStep, linkTestImage, type BuiltUser, type buildTwoTrees } from '../../../../test/factories.ts';
import type { OrgRow } from '../../orgs/index.ts';
import { goodDocx, PNG_1PX } from './docx-samples.ts';

type Trees = Awaited<ReturnType<typeof buildTwoTrees>>;
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface MatrixRoute {
  name: string;
  permission: Permission | readonly Permission[];
  ok: number;
  request: (target: OrgRow, actor: BuiltUser) => Promise<{ method: Method; url: string; payload?: object | Buffer | string; headers?: Record<string, string> }>;
}

const READ = ['manuscript.submit', 'manuscript.review', 'manuscript.manage'] as const;
const LIST = ['manuscript.manage', 'manuscript.review'] as const;
let t: TestApp;
let trees: Trees;
let docx: Buffer;
const categories = new Map<string, string>();
let seq = 0;

export async function setUpManuscriptRoutes(app: TestApp, built: Trees): Promise<void> {
  t = app;
  trees = built;
  docx = await goodDocx();
  for (const root of [trees.a, trees.b]) categories.set(root.id, (await buildCategories(t, root))['工作动态'] ?? '');
  // Somebody to review the matrix actors' submissions in the first tree.
  await buildUser(t, { org: trees.a1, roles: [{ role: 'reviewer' }] });
}

const inA = (o: OrgRow) => o.path.startsWith(trees.a.path);
const categoryFor = (o: OrgRow) => categories.get(inA(o) ? trees.a.id : trees.b.id) ?? null;
/** Someone else's manuscript at the unit. */
async function someones(o: OrgRow, status = 'submitted'): Promise<string> {
  const owner = await buildUser(t, { org: o, roles: [{ role: 'reporter' }] });
  return insertManuscriptRow(t, { org: o, reporterId: owner.id, status, categoryId: categoryFor(o) });
}
/** The actor's own manuscript inside their subtree; a stranger's outside it. */
async function own(o: OrgRow, actor: BuiltUser, status = 'draft'): Promise<string> {
  if (!inA(o)) return someones(o, status);
  return insertManuscriptRow(t, { org: o, reporterId: actor.id, status, categoryId: categoryFor(o) });
}
function multipart(fileName: string, bytes: Buffer, type: string) {
  const b = '----matrix';
  const payload = Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}
async function row(table: 'manuscript_categories' | 'sensitive_words' | 'leaders' | 'review_policies', o: OrgRow): Promise<string> {
  const n = ++seq;
  const values: Record<typeof table, string> = {
    manuscript_categories: `(org_id, name) values ('${o.id}', '矩阵分类${n}')`,
    sensitive_words: `(org_id, word, level) values ('${o.id}', '矩阵词${n}', 'warning')`,
    leaders: `(org_id, name, titles) values ('${o.id}', '矩阵领导${n}', '["局长"]')`,
    review_policies: `(org_id, name, steps) values ('${o.id}', '矩阵策略${n}', '[]')`,
  };
  const res = (await t.services.db.execute(`insert into ${table} ${values[table]} returning id` as never)) as unknown as { rows: Array<{ id: string }> };
  return res.rows[0]?.id ?? '';
}
/** Someone else's submitted manuscript at the unit, with its sealed version 1. */
async function versioned(o: OrgRow): Promise<string> {
  const id = await someones(o);
  await t.services.db.execute(
    `insert into manuscript_versions (manuscript_id, version, kind, title, body_html, created_by_name) select id, 1, 'submitted', title, body_html, '测试' from manuscripts where id = '${id}'` as never,
  );
  return id;
}
async function commissionAt(o: OrgRow): Promise<string> {
  const res = (await t.services.db.execute(
    `with c as (insert into commissions (org_id, topic, due_at, created_by_name) values ('${o.id}', '矩阵约稿', now() + interval '1 day', '测试') returning id)
     insert into commission_targets (commission_id, org_id) select id, '${o.id}' from c returning commission_id as id` as never,
  )) as unknown as { rows: Array<{ id: string }> };
  return res.rows[0]?.id ?? '';
}
const step = { name: '单位负责人审核', role: 'reviewer', resolve: 'own_unit' };
const rule = { requiredFields: ['title'], titleMin: 8, titleMax: 40, bodyMin: 10, bodyMax: 20000, minPhotos: 0, captionsRequired: true, wordingCheck: true };

export const MANUSCRIPT_ROUTES = (_: () => unknown): MatrixRoute[] => [
  { name: 'GET /api/manuscripts/:id', permission: READ, ok: 200, request: async (o) => ({ method: 'GET', url: `/api/manuscripts/${await someones(o)}` }) },
  { name: 'POST /api/manuscripts', permission: 'manuscript.submit', ok: 201, request: async (o) => ({ method: 'POST', url: '/api/manuscripts', payload: { orgId: o.id } }) },
  {
    name: 'PUT /api/manuscripts/:id/draft',
    permission: 'manuscript.submit',
    ok: 200,
    request: async (o, a) => ({ method: 'PUT', url: `/api/manuscripts/${await own(o, a)}/draft`, payload: { revision: 1, title: '矩阵里改过的标题' } }),
  },
  { name: 'POST /api/manuscripts/:id/check', permission: READ, ok: 200, request: async (o) => ({ method: 'POST', url: `/api/manuscripts/${await someones(o)}/check` }) },
  { name: 'POST /api/manuscripts/:id/submit', permission: 'manuscript.submit', ok: 200, request: async (o, a) => ({ method: 'POST', url: `/api/manuscripts/${await own(o, a)}/submit`, payload: {} }) },
  {
    name: 'POST /api/manuscripts/:id/withdraw',
    permission: 'manuscript.submit',
    ok: 200,
    request: async (o, a) => {
      const id = await own(o, a, 'submitted');
      await insertPendingStep(t, id, []);
      return { method: 'POST', url: `/api/manuscripts/${id}/withdraw`, payload: {} };
    },
  },
  { name: 'GET /api/manuscripts/:id/versions', permission: READ, ok: 200, request: async (o) => ({ method: 'GET', url: `/api/manuscripts/${await someones(o)}/versions` }) },
  { name: 'GET /api/manuscripts/:id/versions/diff', permission: READ, ok: 200, request: async (o) => ({ method: 'GET', url: `/api/manuscripts/${await someones(o)}/versions/diff?from=0&to=0` }) },
  { name: 'GET /api/manuscripts/:id/steps', permission: READ, ok: 200, request: async (o) => ({ method: 'GET', url: `/api/manuscripts/${await someones(o)}/steps` }) },
  { name: 'GET /api/manuscripts/:id/docx', permission: READ, ok: 200, request: async (o) => ({ method: 'GET', url: `/api/manuscripts/${await someones(o)}/docx` }) },
  { name: 'GET /api/manuscripts/:id/signoff.docx', permission: READ, ok: 200, request: async (o) => ({ method: 'GET', url: `/api/manuscripts/${await someones(o)}/signoff.docx` }) },
  {
    name: 'POST /api/manuscripts/:id/files',
    permission: 'manuscript.submit',
    ok: 201,
    request: async (o, a) => ({ method: 'POST', url: `/api/manuscripts/${await own(o, a)}/files?kind=image`, ...multipart('p.png', PNG_1PX, 'image/png') }),
  },
  { name: 'GET /api/files/:sha256', permission: READ, ok: 200, request: async (o) => ({ method: 'GET', url: `/api/files/${await linkTestImage(t, await someones(o))}` }) },
  { name: 'GET /api/manuscripts?view=all&orgId', permission: LIST, ok: 200, request: async (o) => ({ method: 'GET', url: `/api/manuscripts?view=all&orgId=${o.id}` }) },
  { name: 'GET /api/manuscripts/export.xlsx?orgId', permission: LIST, ok: 200, request: async (o) => ({ method: 'GET', url: `/api/manuscripts/export.xlsx?view=all&orgId=${o.id}` }) },
  {
    name: 'POST /api/manuscripts/import?orgId',
    permission: 'manuscript.submit',
    ok: 201,
    request: async (o) => ({ method: 'POST', url: `/api/manuscripts/import?orgId=${o.id}`, ...multipart('稿件.docx', docx, 'application/octet-stream') }),
  },
  { name: 'GET /api/manuscripts/rules?orgId', permission: READ, ok: 200, request: async (o) => ({ method: 'GET', url: `/api/manuscripts/rules?orgId=${o.id}` }) },
  {
    name: 'PUT /api/manuscripts/rules/:genre',
    permission: 'manuscript.manage',
    ok: 200,
    request: async (o) => ({ method: 'PUT', url: '/api/manuscripts/rules/news', payload: { ...rule, orgId: o.id } }),
  },
  {
    name: 'POST /api/reviews/steps/:stepId/decisions',
    permission: 'manuscript.review',
    ok: 200,
    request: async (o, a) => {
      const id = await someones(o);
      return { method: 'POST', url: `/api/reviews/steps/${await insertPendingStep(t, id, inA(o) ? [a.id] : [])}/decisions`, payload: { decision: 'approve' } };
    },
  },
  { name: 'GET /api/reviews/overdue?orgId', permission: LIST, ok: 200, request: async (o) => ({ method: 'GET', url: `/api/reviews/overdue?orgId=${o.id}` }) },
  {
    name: 'POST /api/reviews/policies',
    permission: 'manuscript.manage',
    ok: 201,
    request: async (o) => ({ method: 'POST', url: '/api/reviews/policies', payload: { orgId: o.id, name: '矩阵审核策略', steps: [step] } }),
  },
  {
    name: 'PATCH /api/reviews/policies/:id',
    permission: 'manuscript.manage',
    ok: 200,
    request: async (o) => ({ method: 'PATCH', url: `/api/reviews/policies/${await row('review_policies', o)}`, payload: { steps: [step] } }),
  },
  { name: 'GET /api/dictionaries/categories?orgId', permission: READ, ok: 200, request: async (o) => ({ method: 'GET', url: `/api/dictionaries/categories?orgId=${o.id}` }) },
  {
    name: 'POST /api/dictionaries/categories',
    permission: 'manuscript.manage',
    ok: 201,
    request: async (o) => ({ method: 'POST', url: '/api/dictionaries/categories', payload: { orgId: o.id, name: `新分类${++seq}` } }),
  },
  {
    name: 'PATCH /api/dictionaries/categories/:id',
    permission: 'manuscript.manage',
    ok: 200,
    request: async (o) => ({ method: 'PATCH', url: `/api/dictionaries/categories/${await row('manuscript_categories', o)}`, payload: { sortOrder: 5 } }),
  },
  {
    name: 'DELETE /api/dictionaries/categories/:id',
    permission: 'manuscript.manage',
    ok: 200,
    request: async (o) => ({ method: 'DELETE', url: `/api/dictionaries/categories/${await row('manuscript_categories', o)}` }),
  },
  { name: 'GET /api/dictionaries/words?orgId', permission: 'manuscript.manage', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/dictionaries/words?orgId=${o.id}` }) },
  {
    name: 'POST /api/dictionaries/words',
    permission: 'manuscript.manage',
    ok: 201,
    request: async (o) => ({ method: 'POST', url: '/api/dictionaries/words', payload: { orgId: o.id, word: `新词${++seq}`, level: 'blocking' } }),
  },
  {
    name: 'PATCH /api/dictionaries/words/:id',
    permission: 'manuscript.manage',
    ok: 200,
    request: async (o) => ({ method: 'PATCH', url: `/api/dictionaries/words/${await row('sensitive_words', o)}`, payload: { level: 'blocking' } }),
  },
  {
    name: 'DELETE /api/dictionaries/words/:id',
    permission: 'manuscript.manage',
    ok: 200,
    request: async (o) => ({ method: 'DELETE', url: `/api/dictionaries/words/${await row('sensitive_words', o)}` }),
  },
  { name: 'GET /api/dictionaries/leaders?orgId', permission: 'manuscript.manage', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/dictionaries/leaders?orgId=${o.id}` }) },
  {
    name: 'POST /api/dictionaries/leaders',
    permission: 'manuscript.manage',
    ok: 201,
    request: async (o) => ({ method: 'POST', url: '/api/dictionaries/leaders', payload: { orgId: o.id, name: `领导${++seq}`, titles: ['局长'] } }),
  },
  {
    name: 'PATCH /api/dictionaries/leaders/:id',
    permission: 'manuscript.manage',
    ok: 200,
    request: async (o) => ({ method: 'PATCH', url: `/api/dictionaries/leaders/${await row('leaders', o)}`, payload: { titles: ['副局长'] } }),
  },
  { name: 'DELETE /api/dictionaries/leaders/:id', permission: 'manuscript.manage', ok: 200, request: async (o) => ({ method: 'DELETE', url: `/api/dictionaries/leaders/${await row('leaders', o)}` }) },
  {
    name: 'POST /api/commissions',
    permission: 'manuscript.manage',
    ok: 201,
    request: async (o) => ({ method: 'POST', url: '/api/commissions', payload: { orgId: o.id, topic: '矩阵约稿', dueAt: new Date(Date.now() + 86_400_000).toISOString(), targetOrgIds: [o.id] } }),
  },
  { name: 'GET /api/commissions/:id', permission: READ, ok: 200, request: async (o) => ({ method: 'GET', url: `/api/commissions/${await commissionAt(o)}` }) },
  {
    name: 'PATCH /api/commissions/:id',
    permission: 'manuscript.manage',
    ok: 200,
    request: async (o) => ({ method: 'PATCH', url: `/api/commissions/${await commissionAt(o)}`, payload: { status: 'closed' } }),
  },
  { name: 'GET /api/commissions/missed?orgId', permission: READ, ok: 200, request: async (o) => ({ method: 'GET', url: `/api/commissions/missed?orgId=${o.id}` }) },
  { name: 'GET /api/manuscripts/:id/versions/:version', permission: READ, ok: 200, request: async (o) => ({ method: 'GET', url: `/api/manuscripts/${await versioned(o)}/versions/1` }) },
  { name: 'GET /api/manuscripts/author-candidates?orgId', permission: READ, ok: 200, request: async (o) => ({ method: 'GET', url: `/api/manuscripts/author-candidates?orgId=${o.id}` }) },
  {
    name: 'GET /api/manuscripts/urgent/:chainId',
    permission: READ,
    ok: 200,
    request: async (o) => {
      const id = await someones(o);
      await t.services.db.execute(`update manuscripts set report_kind = 'first', chain_id = id, chain_seq = 1, event_at = now() where id = '${id}'` as never);
      return { method: 'GET', url: `/api/manuscripts/urgent/${id}` };
    },
  },
];
