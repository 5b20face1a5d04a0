import { reviewPolicies } from '@xuanlian/db';
import type { Permission } from '@xuanlian/contracts';
import type { TestApp } from '../../../../test/app.ts';
import { buildOrg, buildUser, insertManuscriptRow, type BuiltUser } from '../../../../test/factories.ts';
import type { OrgRow } from '../../orgs/index.ts';
import { createRelease, insertChannel } from '../index.ts';
import { createIssue, createJournal, saveIssue } from '../../journals/index.ts';

type Req = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: object };
interface Case {
  name: string;
  permission: Permission;
  ok: number;
  request: (target: OrgRow, actor: BuiltUser) => Promise<Req>;
}

let seq = 0;

/** Releases and journals rows in the target unit, made by the system, for the scope matrix. */
export function RELEASE_ROUTES(get: () => { t: TestApp }): Case[] {
  const approved = async (o: OrgRow) => {
    const { t } = get();
    const reporter = await buildUser(t, { org: o });
    return insertManuscriptRow(t, { org: o, reporterId: reporter.id, status: 'approved' });
  };
  const channelOf = async (o: OrgRow) => insertChannel(get().t.services.db, { orgId: o.id, name: `矩阵平台${++seq}`, kind: 'website' });
  const releaseOf = async (o: OrgRow) => (await createRelease({ ctx: get().t.system, input: { manuscriptId: await approved(o), channelId: await channelOf(o), url: null, reach: null } })).id;
  /** A unit under the target with a one-step release policy and its reviewer. */
  const chainUnit = async (o: OrgRow) => {
    const { t } = get();
    const unit = await buildOrg(t, { parent: o });
    await buildUser(t, { org: unit, roles: [{ role: 'reviewer' }] });
    await t.services.db.insert(reviewPolicies).values({
      orgId: unit.id,
      name: '矩阵发布审核',
      purpose: 'release',
      steps: [{ name: '初审', role: 'reviewer', resolve: 'own_unit', orgId: null, titleContains: null, mode: 'one', deadlineHours: 24 }],
    });
    return unit;
  };
  const journalOf = async (o: OrgRow) => (await createJournal({ ctx: get().t.system, input: { orgId: o.id, name: `矩阵刊物${++seq}`, publisher: '矩阵编印单位' } })).id;
  const issueOf = async (o: OrgRow, withItem = false) => {
    const { t } = get();
    const issue = await createIssue({ ctx: t.system, journalId: await journalOf(o), input: { issueDate: '2026-02-01' } });
    if (!withItem) return issue;
    return saveIssue({ ctx: t.system, id: issue.id, input: { version: issue.version, items: [{ manuscriptId: await approved(o) }] } });
  };
  return [
    { name: 'GET /api/releases/channels?orgId', permission: 'release.manage', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/releases/channels?orgId=${o.id}` }) },
    {
      name: 'POST /api/releases/channels',
      permission: 'release.manage',
      ok: 201,
      request: async (o) => ({ method: 'POST', url: '/api/releases/channels', payload: { orgId: o.id, name: `矩阵新平台${++seq}`, kind: 'weibo' } }),
    },
    {
      name: 'PATCH /api/releases/channels/:id',
      permission: 'release.manage',
      ok: 200,
      request: async (o) => ({ method: 'PATCH', url: `/api/releases/channels/${await channelOf(o)}`, payload: { sortOrder: 5 } }),
    },
    { name: 'GET /api/releases?orgId', permission: 'release.manage', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/releases?orgId=${o.id}` }) },
    { name: 'GET /api/releases/sweep?orgId', permission: 'release.manage', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/releases/sweep?orgId=${o.id}&days=30` }) },
    { name: 'GET /api/releases/readiness', permission: 'release.manage', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/releases/readiness?manuscriptId=${await approved(o)}` }) },
    {
      name: 'POST /api/releases/review-requests',
      permission: 'release.manage',
      ok: 200,
      request: async (o) => ({ method: 'POST', url: '/api/releases/review-requests', payload: { manuscriptId: await approved(await chainUnit(o)) } }),
    },
    {
      name: 'POST /api/releases',
      permission: 'release.manage',
      ok: 201,
      request: async (o) => ({ method: 'POST', url: '/api/releases', payload: { manuscriptId: await approved(o), channelId: await channelOf(o) } }),
    },
    { name: 'PATCH /api/releases/:id', permission: 'release.manage', ok: 200, request: async (o) => ({ method: 'PATCH', url: `/api/releases/${await releaseOf(o)}`, payload: { reach: 10 } }) },
    {
      name: 'POST /api/releases/:id/withdraw',
      permission: 'release.manage',
      ok: 200,
      request: async (o) => ({ method: 'POST', url: `/api/releases/${await releaseOf(o)}/withdraw`, payload: { reason: '矩阵撤下' } }),
    },
    { name: 'POST /api/releases/:id/keep', permission: 'release.manage', ok: 200, request: async (o) => ({ method: 'POST', url: `/api/releases/${await releaseOf(o)}/keep` }) },
    { name: 'GET /api/journals?orgId', permission: 'journal.manage', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/journals?orgId=${o.id}` }) },
    {
      name: 'POST /api/journals',
      permission: 'journal.manage',
      ok: 201,
      request: async (o) => ({ method: 'POST', url: '/api/journals', payload: { orgId: o.id, name: `矩阵新刊${++seq}`, publisher: '矩阵编印单位' } }),
    },
    {
      name: 'PATCH /api/journals/:id',
      permission: 'journal.manage',
      ok: 200,
      request: async (o) => ({ method: 'PATCH', url: `/api/journals/${await journalOf(o)}`, payload: { publisher: '改过的编印单位' } }),
    },
    {
      name: 'POST /api/journals/:id/issues',
      permission: 'journal.manage',
      ok: 201,
      request: async (o) => ({ method: 'POST', url: `/api/journals/${await journalOf(o)}/issues`, payload: { issueDate: '2026-03-01' } }),
    },
    { name: 'GET /api/journals/issues?orgId', permission: 'journal.manage', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/journals/issues?orgId=${o.id}` }) },
    { name: 'GET /api/journals/issues/:id', permission: 'journal.manage', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/journals/issues/${(await issueOf(o)).id}` }) },
    {
      name: 'PUT /api/journals/issues/:id',
      permission: 'journal.manage',
      ok: 200,
      request: async (o) => {
        const issue = await issueOf(o);
        return { method: 'PUT', url: `/api/journals/issues/${issue.id}`, payload: { version: issue.version, distribution: { report: ['矩阵上级'] } } };
      },
    },
    {
      name: 'POST /api/journals/issues/:id/publish',
      permission: 'journal.manage',
      ok: 200,
      request: async (o) => {
        const issue = await issueOf(o, true);
        return { method: 'POST', url: `/api/journals/issues/${issue.id}/publish`, payload: { version: issue.version } };
      },
    },
    { name: 'GET /api/journals/issues/:id/docx', permission: 'journal.manage', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/journals/issues/${(await issueOf(o, true)).id}/docx` }) },
  ];
}
