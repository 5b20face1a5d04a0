import { notificationDeliveries, notifications, reviewSteps } from '@xuanlian/db';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildOrg, buildTwoTrees, buildUser, insertManuscriptRow, insertPendingStep, sessionCookie } from '../../../../test/factories.ts';
import { WebhookReceiver } from '../../../../../../test-support/webhook-receiver.ts';
import { addDays, chinaDate } from '../../../core/china-time/index.ts';
import { createPlan } from '../../plans/index.ts';
import { notify, remindDueTasks, remindMonthlySubmission, remindReviewStepsDue, runDelivery } from '../index.ts';

/** NotificationChannel configuration, preferences, the delivery log and the scheduled reminders, through the API. */
let t: TestApp;
let trees: Awaited<ReturnType<typeof buildTwoTrees>>;
let editorA: string;
let editorB: string;
const hooks = new WebhookReceiver();

beforeAll(async () => {
  t = await createTestApp();
  await hooks.start();
  trees = await buildTwoTrees(t);
  editorA = (await asUser(t, trees.a, 'editor')).cookie;
  editorB = (await asUser(t, trees.b, 'editor')).cookie;
  const { cookie: sec } = await asUser(t, trees.a, 'secadmin');
  await t.app.inject({ method: 'PUT', url: '/api/sources/fetch-policy', headers: { cookie: sec }, payload: { allowCidrs: ['127.0.0.1/32'] } });
  // Jobs are enqueued but no worker runs here: this file looks at what is decided, not sent.
  await t.services.jobs.start();
}, 60_000);
afterAll(async () => {
  await t.close();
  await hooks.stop();
});

describe('[通知渠道] configuration', () => {
  it('never echoes a stored secret, and keeps it when the form leaves it out', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/channels',
      headers: { cookie: editorA },
      payload: { kind: 'dingtalk', orgId: trees.a1.id, name: '甲一钉钉群', robot: { url: hooks.url('/d/send?access_token=supersecrettoken123'), secret: 'SECabcdef123456' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.body;
    expect(body).not.toContain('supersecrettoken123');
    expect(body).not.toContain('SECabcdef123456');
    const ch = created.json();
    expect(ch.robot).toMatchObject({ secretSet: true, format: 'markdown' });
    expect(ch.robot.urlMasked).toContain('supe****n123');

    const list = await t.app.inject({ method: 'GET', url: '/api/notifications/channels', headers: { cookie: editorA } });
    expect(list.body).not.toContain('SECabcdef123456');
    expect(list.body).not.toContain('supersecrettoken123');

    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/notifications/channels/${ch.id}`, headers: { cookie: editorA }, payload: { version: ch.version, name: '甲一宣传群' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().robot.secretSet).toBe(true);

    // The test button sends with the kept URL and secret.
    const test = await t.app.inject({ method: 'POST', url: `/api/notifications/channels/${ch.id}/test`, headers: { cookie: editorA }, payload: {} });
    expect(test.statusCode, test.body).toBe(200);
    expect(test.json()).toMatchObject({ ok: true, message: '测试消息已发送成功' });
    const got = hooks.at('/d/send')[0];
    expect(got?.query.get('access_token')).toBe('supersecrettoken123');
    expect(got?.query.get('sign')).toBeTruthy();

    const stale = await t.app.inject({ method: 'PATCH', url: `/api/notifications/channels/${ch.id}`, headers: { cookie: editorA }, payload: { version: ch.version, name: '过时的修改' } });
    expect(stale.statusCode).toBe(409);
  });

  it('a failing test shows the vendor error in 中文 and is logged', async () => {
    hooks.respond('/w/send', () => ({ body: { errcode: 93000, errmsg: 'invalid webhook url, hint: [1699]' } }));
    const ch = (
      await t.app.inject({
        method: 'POST',
        url: '/api/notifications/channels',
        headers: { cookie: editorA },
        payload: { kind: 'wecom', orgId: trees.a2.id, name: '甲二企业微信', robot: { url: hooks.url('/w/send?key=wrongkey') } },
      })
    ).json();
    const test = await t.app.inject({ method: 'POST', url: `/api/notifications/channels/${ch.id}/test`, headers: { cookie: editorA }, payload: {} });
    expect(test.json()).toMatchObject({ ok: false, message: expect.stringContaining('Webhook 地址无效') });
    const log = await t.app.inject({ method: 'GET', url: `/api/notifications/deliveries?status=dead&channel=wecom`, headers: { cookie: editorA } });
    expect(log.json().items.some((d: { id: string; lastError: string }) => d.id === test.json().deliveryId && d.lastError.includes('93000'))).toBe(true);
  });

  it('bad input is answered per field in 中文', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/channels',
      headers: { cookie: editorA },
      payload: { kind: 'smtp', orgId: trees.a.id, name: '', smtp: { host: 'mail.test', port: 70000, secure: false, from: 'not-an-address' } },
    });
    expect(res.statusCode).toBe(400);
    const text = JSON.stringify(res.json().error.details);
    expect(text).toContain('请填写名称');
    expect(text).toContain('端口应在 1–65535 之间');
    expect(text).toContain('发件人必须是有效的邮箱地址');
    const robot = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/channels',
      headers: { cookie: editorA },
      payload: { kind: 'feishu', orgId: trees.a.id, name: '飞书', robot: { url: 'ftp://x' } },
    });
    expect(robot.statusCode).toBe(400);
    expect(JSON.stringify(robot.json().error.details)).toContain('Webhook 地址必须以 http:// 或 https:// 开头');
  });

  it('another tree’s channels and deliveries are invisible (404), and a reporter may not manage (403)', async () => {
    const mine = (await t.app.inject({ method: 'GET', url: '/api/notifications/channels', headers: { cookie: editorA } })).json().items;
    const id = mine[0].id;
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/notifications/channels/${id}`, headers: { cookie: editorB }, payload: { version: 99, name: 'x' } });
    expect(patch.statusCode).toBe(404);
    const theirs = await t.app.inject({ method: 'GET', url: '/api/notifications/channels', headers: { cookie: editorB } });
    expect(theirs.json().items).toEqual([]);
    const log = await t.app.inject({ method: 'GET', url: '/api/notifications/deliveries', headers: { cookie: editorB } });
    expect(log.json().total).toBe(0);
    const { cookie: reporter } = await asUser(t, trees.a1, 'reporter');
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications/channels', headers: { cookie: reporter } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications/deliveries', headers: { cookie: reporter } })).statusCode).toBe(403);
  });

  it('a failed delivery can be sent again from the log (in scope only); a channel test cannot', async () => {
    const [test] = await t.services.db
      .select()
      .from(notificationDeliveries)
      .where(and(eq(notificationDeliveries.status, 'dead'), eq(notificationDeliveries.kind, 'channel.test')))
      .limit(1);
    const again = await t.app.inject({ method: 'POST', url: `/api/notifications/deliveries/${test?.id}/retry`, headers: { cookie: editorA } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('这条记录不能重新发送');

    const unit = await buildOrg(t, { parent: trees.a, name: '重发社区' });
    hooks.respond('/r/send', (_h, i) => (i === 0 ? { body: { errcode: 300001, errmsg: 'token is not exist' } } : { body: { errcode: 0, errmsg: 'ok' } }));
    await t.app.inject({
      method: 'POST',
      url: '/api/notifications/channels',
      headers: { cookie: editorA },
      payload: { kind: 'dingtalk', orgId: unit.id, name: '重发群', robot: { url: hooks.url('/r/send?access_token=r') } },
    });
    await t.services.db.transaction((tx) => notify({ tx, ctx: t.system, orgIds: [unit.id], kind: 'task.due', title: '重发测试', dedupeKey: 'resend' }));
    const [row] = await t.services.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.eventKey, 'resend'));
    expect(await runDelivery(t.services, row?.id ?? '')).toBe('dead');
    expect((await t.app.inject({ method: 'POST', url: `/api/notifications/deliveries/${row?.id}/retry`, headers: { cookie: editorB } })).statusCode).toBe(404);
    const retried = await t.app.inject({ method: 'POST', url: `/api/notifications/deliveries/${row?.id}/retry`, headers: { cookie: editorA } });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(await runDelivery(t.services, row?.id ?? '')).toBe('sent');
    expect(hooks.at('/r/send')).toHaveLength(2);
    const twice = await t.app.inject({ method: 'POST', url: `/api/notifications/deliveries/${row?.id}/retry`, headers: { cookie: editorA } });
    expect(twice.statusCode).toBe(409);
  });

  it('system-wide reminder settings: validated, and only a top-level grant changes them', async () => {
    const bad = await t.app.inject({ method: 'PUT', url: '/api/notifications/settings', headers: { cookie: editorA }, payload: { submissionReminderDay: 31, taskDueDays: 3, siteUrl: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('提醒日应在 1–28 日之间');
    const ok = await t.app.inject({
      method: 'PUT',
      url: '/api/notifications/settings',
      headers: { cookie: editorA },
      payload: { submissionReminderDay: 22, taskDueDays: 3, siteUrl: 'https://xl.example.gov.cn' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const { cookie: low } = await asUser(t, trees.a1, 'editor');
    expect((await t.app.inject({ method: 'PUT', url: '/api/notifications/settings', headers: { cookie: low }, payload: { submissionReminderDay: 5, taskDueDays: 3, siteUrl: '' } })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications/settings', headers: { cookie: editorA } })).json().submissionReminderDay).toBe(22);
  });
});

describe('[通知设置] my preferences', () => {
  it('lists every kind with defaults and saves my choices', async () => {
    const me = await buildUser(t, { org: trees.a1, roles: [{ role: 'reporter' }] });
    const cookie = await sessionCookie(t, me);
    const got = (await t.app.inject({ method: 'GET', url: '/api/notifications/preferences', headers: { cookie } })).json();
    expect(got.items.find((i: { kind: string }) => i.kind === 'task.due')).toEqual({ kind: 'task.due', label: '任务即将到期', inapp: true, email: false });
    const saved = await t.app.inject({ method: 'PUT', url: '/api/notifications/preferences', headers: { cookie }, payload: { items: [{ kind: 'task.due', inapp: false, email: true }] } });
    expect(saved.json().items.find((i: { kind: string }) => i.kind === 'task.due')).toMatchObject({ inapp: false, email: true });
    const bad = await t.app.inject({ method: 'PUT', url: '/api/notifications/preferences', headers: { cookie }, payload: { items: [{ kind: 'nope', inapp: true, email: true }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('消息类型无效');
  });
});

describe('[提醒] scheduled reminders fire once per target per slot', () => {
  it('a task due in 3 days reaches its lead unit’s reporters and robot, once', async () => {
    const reporter = await buildUser(t, { org: trees.a2, roles: [{ role: 'reporter' }] });
    await t.app.inject({
      method: 'POST',
      url: '/api/notifications/channels',
      headers: { cookie: editorA },
      payload: { kind: 'feishu', orgId: trees.a2.id, name: '甲二飞书', kinds: ['task.due'], robot: { url: hooks.url('/f/hook/x') } },
    });
    const due = addDays(chinaDate(), 3);
    await createPlan({
      ctx: t.system,
      input: {
        orgId: trees.a.id,
        title: '提醒测试方案',
        year: 2026,
        phases: [
          {
            name: '阶段',
            startOn: null,
            endOn: null,
            tasks: [
              { title: '三天后到期', description: '', deadline: due, deadlineText: null, leadOrgId: trees.a2.id, cooperatingOrgIds: [] },
              { title: '四天后到期', description: '', deadline: addDays(due, 1), deadlineText: null, leadOrgId: trees.a2.id, cooperatingOrgIds: [] },
            ],
          },
        ],
      },
    });
    expect(await remindDueTasks(t.services)).toBe(1);
    expect(await remindDueTasks(t.services)).toBe(0);
    const inbox = await t.services.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, reporter.id), eq(notifications.kind, 'task.due')));
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.title).toBe('任务即将到期：三天后到期');
    const robot = await t.services.db
      .select()
      .from(notificationDeliveries)
      .where(and(eq(notificationDeliveries.kind, 'task.due'), eq(notificationDeliveries.channel, 'feishu')));
    expect(robot).toHaveLength(1);
    expect(robot[0]?.status).toBe('pending');
  });

  it('the monthly reminder goes, on the configured day, only to units with nothing submitted this month', async () => {
    const quiet = await buildUser(t, { org: trees.b1, roles: [{ role: 'reporter' }] });
    const busy = await buildUser(t, { org: trees.b, roles: [{ role: 'reporter' }] });
    await insertManuscriptRow(t, { org: trees.b, reporterId: busy.id });
    await t.app.inject({
      method: 'PUT',
      url: '/api/notifications/settings',
      headers: { cookie: editorA },
      payload: { submissionReminderDay: 20, taskDueDays: 3, siteUrl: '', statisticsDeadlineDay: 25 },
    });
    const today = chinaDate();
    const [y, m] = today.split('-');
    const onDay = new Date(`${y}-${m}-20T09:00:00+08:00`);
    const offDay = new Date(`${y}-${m}-19T09:00:00+08:00`);
    expect(await remindMonthlySubmission(t.services, offDay)).toBe(0);
    const first = await remindMonthlySubmission(t.services, onDay);
    expect(first).toBeGreaterThan(0);
    await remindMonthlySubmission(t.services, onDay);
    const of = async (userId: string) =>
      t.services.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.kind, 'submission.reminder')));
    expect(await of(quiet.id)).toHaveLength(1);
    // The deadline it names is the office's configured 统计截止日.
    expect((await of(quiet.id))[0]?.body).toContain('请于本月25日统计截止前报送');
    expect(await of(busy.id)).toHaveLength(0);
    const keys = await t.services.db
      .select()
      .from(notificationDeliveries)
      .where(like(notificationDeliveries.eventKey, `submission:${y}-${m}:${trees.b1.id}`));
    expect(keys).toHaveLength(1);
  });

  it('reviewers hear once when a step has used three quarters of its time, not before', async () => {
    const author = await buildUser(t, { org: trees.a1, roles: [{ role: 'reporter' }] });
    const reviewer = await buildUser(t, { org: trees.a1, roles: [{ role: 'reviewer' }] });
    const ms = await insertManuscriptRow(t, { org: trees.a1, reporterId: author.id });
    const stepId = await insertPendingStep(t, ms, [reviewer.id]);
    const activated = new Date('2025-03-24T00:00:00Z');
    const deadline = new Date('2025-03-24T04:00:00Z');
    await t.services.db.update(reviewSteps).set({ activatedAt: activated, deadlineAt: deadline }).where(eq(reviewSteps.id, stepId));
    expect(await remindReviewStepsDue(t.services, new Date('2025-03-24T02:59:00Z'))).toBe(0);
    expect(await remindReviewStepsDue(t.services, new Date('2025-03-24T03:01:00Z'))).toBe(1);
    expect(await remindReviewStepsDue(t.services, new Date('2025-03-24T03:30:00Z'))).toBe(0);
    // Past the deadline it is the overdue notice's turn, not this one.
    expect(await remindReviewStepsDue(t.services, new Date('2025-03-24T04:01:00Z'))).toBe(0);
    const inbox = await t.services.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, reviewer.id), eq(notifications.kind, 'review.due')));
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.body).toContain('2025年3月24日 12:00');
  });
});
