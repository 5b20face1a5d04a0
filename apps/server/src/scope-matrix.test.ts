import { ROLES, roleHasPermission, type Permission, type Role } from '@xuanlian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { asUser, buildOrg, buildTwoTrees, buildUser, type BuiltUser } from '../test/factories.ts';
import type { OrgRow } from './modules/orgs/index.ts';
import { MANUSCRIPT_ROUTES, setUpManuscriptRoutes } from './modules/manuscripts/__tests__/scope-routes.ts';
import { createActivity, ensureDefaultTypes, listTypes } from './modules/activities/index.ts';
import { createPlan } from './modules/plans/index.ts';
import { createChannel } from './modules/notifications/index.ts';
import { updateUserRow } from './modules/users/index.ts';
import { buildAlert, buildIncident, buildMention, buildSource, buildTopic } from '../test/opinion.ts';
import { SCORING_ROUTES, setUpScoringRoutes } from './modules/scoring/__tests__/scope-routes.ts';
import { RELEASE_ROUTES } from './modules/releases/__tests__/scope-routes.ts';
import { BULLETIN_ROUTES } from './modules/bulletins/__tests__/scope-routes.ts';
import { ASSESSMENT_ROUTES } from './modules/assessments/__tests__/scope-routes.ts';

/**
 * Every org-scoped route × every role × a target inside / outside the actor's subtree.
 * Without the permission: 403. With it, inside: success. Outside: 404, exactly as if missing.
 */
let t: TestApp;
let trees: Awaited<ReturnType<typeof buildTwoTrees>>;
const cookies = new Map<Role, string>();
const actors = new Map<Role, BuiltUser>();

interface RouteCase {
  name: string;
  /** Any one of these lets the role in. */
  permission: Permission | readonly Permission[];
  ok: number;
  request: (target: OrgRow, actor: BuiltUser) => Promise<{ method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: object | Buffer | string; headers?: Record<string, string> }>;
}

let codeSeq = 0;
/** A user of the target unit with a (pretend) TOTP factor, so a reset has something to clear. */
const enrolledUserOf = async (o: OrgRow) => {
  const u = await buildUser(t, { org: o });
  await updateUserRow(t.services.db, u.id, { totpSecret: 'x', totpEnabledAt: new Date() });
  return u.id;
};
let studyType = '';
/** An activity of the target unit, recorded by the system (so every role's request meets the same row). */
const activityOf = async (o: OrgRow) =>
  (
    await createActivity({
      ctx: t.system,
      input: {
        orgId: o.id,
        typeId: studyType,
        heldOn: '2025-05-01',
        place: '',
        venueType: 'organ',
        topic: '矩阵学习',
        speaker: '',
        outsideCount: 0,
        minutes: '',
        examPassMark: null,
        attendees: [],
        files: [],
      },
    })
  ).id;
/** A plan issued by the target unit with one task it leads itself. */
const taskOf = async (o: OrgRow) => {
  const plan = await createPlan({
    ctx: t.system,
    input: {
      orgId: o.id,
      title: '矩阵方案',
      year: 2025,
      phases: [{ name: '阶段', startOn: null, endOn: null, tasks: [{ title: '矩阵任务', description: '', deadline: null, deadlineText: null, leadOrgId: o.id, cooperatingOrgIds: [] }] }],
    },
  });
  const task = plan.tasks[0];
  if (!task) throw new Error('no task');
  return { planId: plan.id, taskId: task.id, version: task.version };
};
/** A robot channel of the target unit, made by the system so every role meets the same row. */
const channelOf = async (o: OrgRow) =>
  (
    await createChannel({
      ctx: t.system,
      input: { kind: 'dingtalk', orgId: o.id, name: '矩阵钉钉', enabled: true, kinds: [], robot: { url: 'https://oapi.dingtalk.com/robot/send?access_token=matrix', format: 'markdown' } },
    })
  ).id;
const ROUTES: RouteCase[] = [
  {
    name: 'PATCH /api/orgs/:id',
    permission: 'org.manage',
    ok: 200,
    request: async (o) => ({ method: 'PATCH', url: `/api/orgs/${(await buildOrg(t, { parent: o })).id}`, payload: { name: '改过的名称' } }),
  },
  {
    name: 'POST /api/orgs',
    permission: 'org.manage',
    ok: 201,
    request: async (o) => ({ method: 'POST', url: '/api/orgs', payload: { parentId: o.id, name: '矩阵新单位', kind: 'section', code: `MX${++codeSeq}` } }),
  },
  { name: 'GET /api/users?orgId', permission: 'user.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/users?orgId=${o.id}` }) },
  { name: 'GET /api/users/:id', permission: 'user.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/users/${(await buildUser(t, { org: o })).id}` }) },
  {
    name: 'PATCH /api/users/:id',
    permission: 'user.manage',
    ok: 200,
    request: async (o) => ({ method: 'PATCH', url: `/api/users/${(await buildUser(t, { org: o })).id}`, payload: { name: '改过的姓名' } }),
  },
  {
    name: 'POST /api/users',
    permission: 'user.manage',
    ok: 201,
    request: async (o) => ({ method: 'POST', url: '/api/users', payload: { username: `mx${++codeSeq}`, name: '矩阵用户', orgId: o.id, initialPassword: 'Matrix@2025x' } }),
  },
  {
    name: 'POST /api/users/:id/activate',
    permission: 'user.activate',
    ok: 200,
    request: async (o) => ({ method: 'POST', url: `/api/users/${(await buildUser(t, { org: o, status: 'pending' })).id}/activate` }),
  },
  { name: 'POST /api/users/:id/unlock', permission: 'user.unlock', ok: 200, request: async (o) => ({ method: 'POST', url: `/api/users/${(await buildUser(t, { org: o })).id}/unlock` }) },
  {
    name: 'POST /api/users/:id/password-reset',
    permission: 'user.unlock',
    ok: 200,
    request: async (o) => ({ method: 'POST', url: `/api/users/${(await buildUser(t, { org: o })).id}/password-reset`, payload: { newPassword: 'Reset@2025x' } }),
  },
  { name: 'POST /api/users/:id/reveal', permission: 'user.reveal', ok: 200, request: async (o) => ({ method: 'POST', url: `/api/users/${(await buildUser(t, { org: o })).id}/reveal` }) },
  { name: 'POST /api/users/:id/second-factor/reset', permission: 'user.unlock', ok: 200, request: async (o) => ({ method: 'POST', url: `/api/users/${await enrolledUserOf(o)}/second-factor/reset` }) },
  { name: 'GET /api/audit-logs?orgId', permission: 'audit.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/audit-logs?orgId=${o.id}` }) },
  ...MANUSCRIPT_ROUTES(() => ({ t, trees })),
  { name: 'GET /api/activities?orgId', permission: 'activity.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/activities?orgId=${o.id}` }) },
  { name: 'GET /api/activities/:id', permission: 'activity.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/activities/${await activityOf(o)}` }) },
  {
    name: 'POST /api/activities',
    permission: 'activity.record',
    ok: 201,
    request: async (o) => ({ method: 'POST', url: '/api/activities', payload: { orgId: o.id, typeId: studyType, heldOn: '2025-06-01', venueType: 'organ', topic: '矩阵登记' } }),
  },
  {
    name: 'PATCH /api/activities/:id',
    permission: 'activity.record',
    ok: 200,
    request: async (o) => ({ method: 'PATCH', url: `/api/activities/${await activityOf(o)}`, payload: { version: 1, place: '会议室' } }),
  },
  { name: 'GET /api/activities/roster', permission: 'activity.record', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/activities/roster?orgId=${o.id}` }) },
  { name: 'GET /api/activities/study-archive', permission: 'activity.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/activities/study-archive?orgId=${o.id}&year=2025` }) },
  { name: 'GET /api/targets', permission: 'activity.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/targets?orgId=${o.id}&year=2025` }) },
  {
    name: 'PUT /api/targets',
    permission: 'ledger.manage',
    ok: 200,
    request: async (o) => ({ method: 'PUT', url: '/api/targets', payload: { orgId: o.id, year: 2025, kind: 'trainings', threshold: 3 } }),
  },
  { name: 'GET /api/targets/board', permission: 'activity.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/targets/board?orgId=${o.id}&year=2025` }) },
  { name: 'GET /api/targets/coverage', permission: 'activity.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/targets/coverage?orgId=${o.id}&year=2025` }) },
  { name: 'POST /api/plans', permission: 'plan.manage', ok: 201, request: async (o) => ({ method: 'POST', url: '/api/plans', payload: { orgId: o.id, title: '矩阵新方案', year: 2025 } }) },
  { name: 'GET /api/plans/:id', permission: 'plan.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/plans/${(await taskOf(o)).planId}` }) },
  { name: 'GET /api/tasks?orgId', permission: 'plan.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/tasks?orgId=${o.id}` }) },
  { name: 'GET /api/tasks/:id', permission: 'plan.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/tasks/${(await taskOf(o)).taskId}` }) },
  {
    name: 'PATCH /api/tasks/:id',
    permission: 'plan.manage',
    ok: 200,
    request: async (o) => ({ method: 'PATCH', url: `/api/tasks/${(await taskOf(o)).taskId}`, payload: { version: 1, deadline: '2025-12-31' } }),
  },
  {
    name: 'POST /api/tasks/:id/reports',
    permission: 'task.report',
    ok: 200,
    request: async (o) => ({ method: 'POST', url: `/api/tasks/${(await taskOf(o)).taskId}/reports`, payload: { body: '矩阵进展' } }),
  },
  {
    name: 'POST /api/tasks/:id/urges',
    permission: 'plan.manage',
    ok: 200,
    request: async (o) => ({ method: 'POST', url: `/api/tasks/${(await taskOf(o)).taskId}/urges`, payload: { body: '矩阵督办' } }),
  },
  { name: 'GET /api/annual-summaries', permission: 'activity.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/annual-summaries?orgId=${o.id}&year=2025` }) },
  // 舆情: sources, topics, mentions, alerts, incidents, briefs
  { name: 'GET /api/sources?orgId', permission: 'opinion.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/sources?orgId=${o.id}` }) },
  { name: 'GET /api/sources/:id', permission: 'opinion.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/sources/${(await buildSource(t, o, { kind: 'manual' })).id}` }) },
  {
    name: 'POST /api/sources',
    permission: 'opinion.monitor',
    ok: 201,
    request: async (o) => ({ method: 'POST', url: '/api/sources', payload: { orgId: o.id, name: '矩阵信源', kind: 'feed', url: 'https://feeds.example.cn/rss.xml' } }),
  },
  {
    name: 'PATCH /api/sources/:id',
    permission: 'opinion.monitor',
    ok: 200,
    request: async (o) => ({ method: 'PATCH', url: `/api/sources/${(await buildSource(t, o, { kind: 'manual' })).id}`, payload: { name: '改过的信源' } }),
  },
  { name: 'DELETE /api/sources/:id', permission: 'opinion.monitor', ok: 200, request: async (o) => ({ method: 'DELETE', url: `/api/sources/${(await buildSource(t, o, { kind: 'manual' })).id}` }) },
  {
    name: 'POST /api/sources/:id/fetch',
    permission: 'opinion.monitor',
    ok: 202,
    request: async (o) => ({ method: 'POST', url: `/api/sources/${(await buildSource(t, o, { url: 'https://feeds.example.cn/rss.xml' })).id}/fetch` }),
  },
  {
    name: 'POST /api/sources/:id/entries',
    permission: 'opinion.monitor',
    ok: 201,
    request: async (o) => ({ method: 'POST', url: `/api/sources/${(await buildSource(t, o, { kind: 'manual' })).id}/entries`, payload: { title: `矩阵录入${++codeSeq}`, content: '内容' } }),
  },
  { name: 'GET /api/topics?orgId', permission: 'opinion.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/topics?orgId=${o.id}` }) },
  { name: 'GET /api/topics/:id', permission: 'opinion.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/topics/${(await buildTopic(t, o)).id}` }) },
  { name: 'POST /api/topics', permission: 'opinion.monitor', ok: 201, request: async (o) => ({ method: 'POST', url: '/api/topics', payload: { orgId: o.id, name: '矩阵专题', rule: '拆迁 & 补偿' } }) },
  {
    name: 'PATCH /api/topics/:id',
    permission: 'opinion.monitor',
    ok: 200,
    request: async (o) => ({ method: 'PATCH', url: `/api/topics/${(await buildTopic(t, o)).id}`, payload: { rule: '教育 & 收费' } }),
  },
  { name: 'DELETE /api/topics/:id', permission: 'opinion.monitor', ok: 200, request: async (o) => ({ method: 'DELETE', url: `/api/topics/${(await buildTopic(t, o)).id}` }) },
  { name: 'GET /api/mentions?topicId', permission: 'opinion.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/mentions?topicId=${(await buildTopic(t, o)).id}` }) },
  { name: 'GET /api/mentions/:id', permission: 'opinion.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/mentions/${await buildMention(t, o)}` }) },
  { name: 'PATCH /api/mentions/:id', permission: 'opinion.read', ok: 200, request: async (o) => ({ method: 'PATCH', url: `/api/mentions/${await buildMention(t, o)}`, payload: { read: true } }) },
  { name: 'GET /api/mentions/clusters/:id', permission: 'opinion.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/mentions/clusters/${await buildMention(t, o)}` }) },
  { name: 'GET /api/alerts?topicId', permission: 'opinion.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/alerts?topicId=${(await buildTopic(t, o)).id}` }) },
  { name: 'GET /api/alerts/:id', permission: 'opinion.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/alerts/${(await buildAlert(t, o)).alert.id}` }) },
  { name: 'POST /api/alerts/:id/ack', permission: 'opinion.monitor', ok: 200, request: async (o) => ({ method: 'POST', url: `/api/alerts/${(await buildAlert(t, o)).alert.id}/ack` }) },
  { name: 'GET /api/alerts/rules?topicId', permission: 'opinion.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/alerts/rules?topicId=${(await buildTopic(t, o)).id}` }) },
  {
    name: 'POST /api/alerts/rules',
    permission: 'opinion.monitor',
    ok: 201,
    request: async (o) => ({ method: 'POST', url: '/api/alerts/rules', payload: { topicId: (await buildTopic(t, o)).id, kind: 'negative_spike', threshold: 5, windowMinutes: 60 } }),
  },
  {
    name: 'PATCH /api/alerts/rules/:id',
    permission: 'opinion.monitor',
    ok: 200,
    request: async (o) => ({ method: 'PATCH', url: `/api/alerts/rules/${(await buildAlert(t, o)).rule.id}`, payload: { severity: 'major' } }),
  },
  {
    name: 'POST /api/incidents',
    permission: 'opinion.monitor',
    ok: 201,
    request: async (o) => ({ method: 'POST', url: '/api/incidents', payload: { orgId: o.id, mentionId: await buildMention(t, o) } }),
  },
  { name: 'GET /api/incidents?orgId', permission: 'opinion.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/incidents?orgId=${o.id}` }) },
  { name: 'GET /api/incidents/:id', permission: 'opinion.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/incidents/${(await buildIncident(t, o)).id}` }) },
  { name: 'GET /api/incidents/:id/timeline', permission: 'opinion.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/incidents/${(await buildIncident(t, o)).id}/timeline` }) },
  {
    name: 'POST /api/incidents/:id/transitions',
    permission: 'opinion.monitor',
    ok: 200,
    request: async (o) => ({ method: 'POST', url: `/api/incidents/${(await buildIncident(t, o)).id}/transitions`, payload: { from: 'discovered', to: 'assessing' } }),
  },
  {
    name: 'POST /api/incidents/:id/grade',
    permission: 'opinion.monitor',
    ok: 200,
    request: async (o) => ({ method: 'POST', url: `/api/incidents/${(await buildIncident(t, o)).id}/grade`, payload: { grade: 'major' } }),
  },
  {
    name: 'POST /api/incidents/:id/notes',
    permission: 'opinion.monitor',
    ok: 200,
    request: async (o) => ({ method: 'POST', url: `/api/incidents/${(await buildIncident(t, o)).id}/notes`, payload: { note: '核实中' } }),
  },
  {
    name: 'POST /api/briefs',
    permission: 'opinion.monitor',
    ok: 202,
    request: async (o) => ({ method: 'POST', url: '/api/briefs', payload: { orgId: o.id, kind: 'daily', date: `2025-01-${String((++codeSeq % 28) + 1).padStart(2, '0')}` } }),
  },
  { name: 'GET /api/briefs?orgId', permission: 'opinion.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/briefs?orgId=${o.id}` }) },
  {
    name: 'GET /api/briefs/figures?orgId',
    permission: 'opinion.read',
    ok: 200,
    request: async (o) => ({ method: 'GET', url: `/api/briefs/figures?orgId=${o.id}&from=2025-01-01T00:00:00%2B08:00&to=2025-01-02T00:00:00%2B08:00` }),
  },
  ...SCORING_ROUTES(),
  // 信息发布 and 刊物
  ...RELEASE_ROUTES(() => ({ t })),
  // 通知: channels of a unit, the delivery log of a subtree
  { name: 'GET /api/notifications/channels?orgId', permission: 'notification.manage', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/notifications/channels?orgId=${o.id}` }) },
  {
    name: 'POST /api/notifications/channels',
    permission: 'notification.manage',
    ok: 201,
    request: async (o) => ({
      method: 'POST',
      url: '/api/notifications/channels',
      payload: { kind: 'wecom', orgId: o.id, name: '矩阵群', robot: { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=matrix' } },
    }),
  },
  {
    name: 'PATCH /api/notifications/channels/:id',
    permission: 'notification.manage',
    ok: 200,
    request: async (o) => ({ method: 'PATCH', url: `/api/notifications/channels/${await channelOf(o)}`, payload: { version: 1, name: '矩阵群改名' } }),
  },
  {
    name: 'DELETE /api/notifications/channels/:id',
    permission: 'notification.manage',
    ok: 200,
    request: async (o) => ({ method: 'DELETE', url: `/api/notifications/channels/${await channelOf(o)}` }),
  },
  { name: 'GET /api/notifications/deliveries?orgId', permission: 'notification.manage', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/notifications/deliveries?orgId=${o.id}` }) }, // 通报
  ...BULLETIN_ROUTES(() => ({ t })),
  // 考核
  ...ASSESSMENT_ROUTES(),
];

beforeAll(async () => {
  t = await createTestApp();
  // Fetch-now and briefs enqueue jobs; nothing here registers handlers, so nothing runs them.
  await t.services.jobs.start();
  trees = await buildTwoTrees(t);
  for (const role of ROLES) {
    const { user, cookie } = await asUser(t, trees.a, role);
    cookies.set(role, cookie);
    actors.set(role, user);
  }
  await setUpManuscriptRoutes(t, trees);
  await ensureDefaultTypes(t.services.db);
  studyType = (await listTypes(t.services.db)).find((x) => x.code === 'study')?.id ?? '';
  await setUpScoringRoutes(t);
});
afterAll(async () => t.close());

describe('[范围] route × role × inside/outside', () => {
  for (const route of ROUTES) {
    for (const role of ROLES) {
      const needed: readonly Permission[] = typeof route.permission === 'string' ? [route.permission] : route.permission;
      const allowed = needed.some((p) => roleHasPermission(role, p));
      it(`${route.name} as ${role}: ${allowed ? `inside ${route.ok}, outside 404` : '403'}`, async () => {
        const cookie = cookies.get(role) ?? '';
        const actor = actors.get(role) as BuiltUser;
        const inside = await route.request(trees.a1, actor);
        const outside = await route.request(trees.b1, actor);
        const rin = await t.app.inject({ ...inside, headers: { ...inside.headers, cookie } });
        const rout = await t.app.inject({ ...outside, headers: { ...outside.headers, cookie } });
        if (allowed) {
          expect(rin.statusCode, rin.body).toBe(route.ok);
          expect(rout.statusCode, rout.body).toBe(404);
          expect(rout.json().error.code).toBe('NOT_FOUND');
        } else {
          expect(rin.statusCode).toBe(403);
          expect(rout.statusCode).toBe(403);
        }
      });
    }
  }

  it('lists never show a row outside the subtree, for any role', async () => {
    const bIds = new Set([trees.b.id, trees.b1.id]);
    for (const role of ROLES) {
      const cookie = cookies.get(role) ?? '';
      const orgs = await t.app.inject({ method: 'GET', url: '/api/orgs', headers: { cookie } });
      expect(orgs.statusCode).toBe(200);
      expect(orgs.json().items.some((o: { id: string }) => bIds.has(o.id))).toBe(false);
      expect(orgs.json().items.map((o: { id: string }) => o.id)).toContain(trees.a1.id);
      const users = await t.app.inject({ method: 'GET', url: '/api/users?pageSize=200', headers: { cookie } });
      if (users.statusCode === 200) {
        expect(users.json().items.some((u: { orgId: string }) => bIds.has(u.orgId))).toBe(false);
      } else {
        expect(users.statusCode).toBe(403);
      }
    }
  });

  it('a grant low in the tree does not see its parent or siblings', async () => {
    const lone = await buildOrg(t, { parent: trees.a2, name: '孤立社区' });
    const { cookie } = await asUser(t, lone, 'reporter');
    const ids = (await t.app.inject({ method: 'GET', url: '/api/orgs', headers: { cookie } })).json().items.map((o: { id: string }) => o.id);
    expect(ids).toEqual([lone.id]);
  });
});
