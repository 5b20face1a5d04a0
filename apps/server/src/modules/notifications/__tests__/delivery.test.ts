import { createHmac, randomBytes } from 'node:crypto';
import { notificationChannels, notificationDeliveries, notifications, users } from '@xuanlian/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildOrg, buildTwoTrees, buildUser, sessionCookie } from '../../../../test/factories.ts';
import { SmtpSink } from '../../../../test/smtp-sink.ts';
import { waitFor } from '../../../../test/wait.ts';
import { WebhookReceiver } from '../../../../../../test-support/webhook-receiver.ts';
import { sealSecrets } from '../../../core/secrets.ts';
import { registerWorkers } from '../../../workers.ts';
import { notify, runDelivery } from '../index.ts';

/**
 * Deliveries end to end through the jobs runtime: robots in each vendor's format to a receiver on
 * 127.0.0.1, mail to an SMTP sink on 127.0.0.1, retries with backoff, the log, and no double send.
 */
let t: TestApp;
let trees: Awaited<ReturnType<typeof buildTwoTrees>>;
let editor: string;
const hooks = new WebhookReceiver();
const sink = new SmtpSink();
const DING_SECRET = 'SECtest0123456789abcdef';
const FEISHU_SECRET = 'feishu-secret-xyz';

async function createChannel(payload: object): Promise<{ id: string; version: number }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/notifications/channels', headers: { cookie: editor }, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function emit(input: Omit<Parameters<typeof notify>[0], 'tx' | 'ctx'>): Promise<void> {
  await t.services.db.transaction((tx) => notify({ tx, ctx: t.system, ...input }));
}

const deliveriesOf = (eventKey: string) => t.services.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.eventKey, eventKey));

async function settled(eventKey: string, n: number) {
  return waitFor(
    async () => {
      const rows = await deliveriesOf(eventKey);
      return rows.length === n && rows.every((r) => r.status === 'sent' || r.status === 'dead') ? rows : undefined;
    },
    { timeoutMs: 30_000, what: `deliveries of ${eventKey}` },
  );
}

beforeAll(async () => {
  t = await createTestApp({ notifyRetryDelaySeconds: 1 });
  await hooks.start();
  await sink.start();
  trees = await buildTwoTrees(t);
  editor = (await asUser(t, trees.a, 'editor')).cookie;
  // The security admin allow-lists the loopback receiver, exactly as an intranet robot would be.
  const { cookie: sec } = await asUser(t, trees.a, 'secadmin');
  const policy = await t.app.inject({ method: 'PUT', url: '/api/sources/fetch-policy', headers: { cookie: sec }, payload: { allowCidrs: ['127.0.0.1/32'] } });
  expect(policy.statusCode, policy.body).toBe(200);
  await t.services.jobs.start();
  await registerWorkers(t.services);
}, 60_000);

afterAll(async () => {
  await t.close();
  await hooks.stop();
  await sink.stop();
});

describe('[通知] robot webhooks in each vendor format', () => {
  it('delivers to 企业微信, 钉钉 (signed) and 飞书 (signed) in their documented JSON', async () => {
    await createChannel({ kind: 'wecom', orgId: trees.a1.id, name: '甲一企业微信群', robot: { url: hooks.url('/wecom/send?key=abcdef-123456-key'), format: 'markdown' } });
    await createChannel({
      kind: 'dingtalk',
      orgId: trees.a1.id,
      name: '甲一钉钉群',
      robot: { url: hooks.url('/dingtalk/robot/send?access_token=tok1234567890'), secret: DING_SECRET, format: 'markdown' },
    });
    await createChannel({
      kind: 'feishu',
      orgId: trees.a1.id,
      name: '甲一飞书群',
      robot: { url: hooks.url('/feishu/open-apis/bot/v2/hook/0123456789abcdef0123'), secret: FEISHU_SECRET, format: 'markdown' },
    });
    await emit({ orgIds: [trees.a1.id], kind: 'task.due', title: '任务即将到期：宣讲进社区', body: '请报送进展', link: '/plans/x', dedupeKey: 'robots-1' });
    const rows = await settled('robots-1', 3);
    expect(rows.map((r) => [r.channel, r.status, r.attempts]).sort()).toEqual([
      ['dingtalk', 'sent', 1],
      ['feishu', 'sent', 1],
      ['wecom', 'sent', 1],
    ]);

    const [wecom] = hooks.at('/wecom/send');
    expect(wecom?.query.get('key')).toBe('abcdef-123456-key');
    expect(wecom?.json).toMatchObject({ msgtype: 'markdown', markdown: { content: expect.stringContaining('任务即将到期：宣讲进社区') } });

    const [ding] = hooks.at('/dingtalk/robot/send');
    const ts = ding?.query.get('timestamp') ?? '';
    expect(Math.abs(Number(ts) - Date.now())).toBeLessThan(60 * 60_000);
    // The receiver checks the signature as DingTalk does: HMAC-SHA256(secret, ts + "\n" + secret), base64.
    expect(ding?.query.get('sign')).toBe(createHmac('sha256', DING_SECRET).update(`${ts}\n${DING_SECRET}`).digest('base64'));
    expect(ding?.query.get('access_token')).toBe('tok1234567890');
    expect(ding?.json).toMatchObject({ msgtype: 'markdown', markdown: { title: '任务即将到期：宣讲进社区', text: expect.stringContaining('请报送进展') } });

    const [fs] = hooks.at('/feishu/open-apis/bot/v2/hook/0123456789abcdef0123');
    const fts = String(fs?.json.timestamp);
    expect(fts).toMatch(/^\d{10}$/);
    expect(fs?.json.sign).toBe(createHmac('sha256', `${fts}\n${FEISHU_SECRET}`).update('').digest('base64'));
    expect(fs?.json).toMatchObject({ msg_type: 'post', content: { post: { zh_cn: { title: '任务即将到期：宣讲进社区' } } } });

    // The log shows where it went without the key.
    expect(rows.find((r) => r.channel === 'wecom')?.target).not.toContain('abcdef-123456-key');
  });

  it('plain-text robots use msgtype text / msg_type text', async () => {
    await createChannel({ kind: 'wecom', orgId: trees.a2.id, name: '甲二企业微信', robot: { url: hooks.url('/wecom-text/send?key=k2'), format: 'text' } });
    await createChannel({ kind: 'dingtalk', orgId: trees.a2.id, name: '甲二钉钉（无加签）', robot: { url: hooks.url('/dingtalk-text/send?access_token=t2'), format: 'text' } });
    await createChannel({ kind: 'feishu', orgId: trees.a2.id, name: '甲二飞书（无签名）', robot: { url: hooks.url('/feishu-text/hook/abc'), format: 'text' } });
    await emit({ orgIds: [trees.a2.id], kind: 'submission.reminder', title: '11月信息报送提醒', body: '本月尚未报送', dedupeKey: 'robots-text' });
    await settled('robots-text', 3);
    expect(hooks.at('/wecom-text/send')[0]?.json).toEqual({ msgtype: 'text', text: { content: '11月信息报送提醒\n本月尚未报送' } });
    const ding = hooks.at('/dingtalk-text/send')[0];
    expect(ding?.json).toEqual({ msgtype: 'text', text: { content: '11月信息报送提醒\n本月尚未报送' } });
    expect(ding?.query.has('sign')).toBe(false);
    expect(hooks.at('/feishu-text/hook/abc')[0]?.json).toEqual({ msg_type: 'text', content: { text: '11月信息报送提醒\n本月尚未报送' } });
  });

  it('a robot configured for other kinds is skipped', async () => {
    const unit = await buildOrg(t, { parent: trees.a, name: '测试社区' });
    const before = hooks.received.length;
    await createChannel({ kind: 'wecom', orgId: unit.id, name: '乙一只收预警', kinds: ['opinion.alert'], robot: { url: hooks.url('/only-alerts/send?key=k') } });
    await emit({ orgIds: [unit.id], kind: 'task.due', title: '无关', dedupeKey: 'kinds-filter' });
    expect(await deliveriesOf('kinds-filter')).toHaveLength(0);
    expect(hooks.received.length).toBe(before);
  });
});

describe('[通知] failures, retries and the log', () => {
  it('a 200 with errcode ≠ 0 is a failure in 中文; a signature error is not retried', async () => {
    const unit = await buildOrg(t, { parent: trees.a, name: '测试社区' });
    await createChannel({ kind: 'dingtalk', orgId: unit.id, name: '乙钉钉（密钥错误）', robot: { url: hooks.url('/ding-bad/send?access_token=x'), secret: 'SECwrong' } });
    hooks.respond('/ding-bad/send', () => ({ body: { errcode: 310000, errmsg: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]' } }));
    await emit({ orgIds: [unit.id], kind: 'task.due', title: '签名错误', dedupeKey: 'ding-bad' });
    const [row] = await settled('ding-bad', 1);
    expect(row?.status).toBe('dead');
    expect(row?.attempts).toBe(1);
    expect(row?.lastError).toContain('钉钉拒绝了消息（错误码 310000）');
    expect(row?.lastError).toContain('加签不匹配');
    expect(hooks.at('/ding-bad/send')).toHaveLength(1);
  });

  it('transient failures are retried with backoff until sent, and each attempt is counted', async () => {
    const unit = await buildOrg(t, { parent: trees.a, name: '测试社区' });
    await createChannel({ kind: 'wecom', orgId: unit.id, name: '乙一企业微信（时好时坏）', robot: { url: hooks.url('/flaky/send?key=f') } });
    hooks.respond('/flaky/send', (_h, i) =>
      i === 0 ? { status: 502, body: { error: 'bad gateway' } } : i === 1 ? { body: { errcode: 45009, errmsg: 'api freq out of limit' } } : { body: { errcode: 0, errmsg: 'ok' } },
    );
    await emit({ orgIds: [unit.id], kind: 'opinion.alert', title: '重试测试', dedupeKey: 'flaky' });
    const row = await waitFor(async () => (await deliveriesOf('flaky')).find((r) => r.status === 'sent'), { timeoutMs: 30_000, what: 'flaky sent' });
    expect(row.attempts).toBe(3);
    expect(hooks.at('/flaky/send')).toHaveLength(3);
  });

  it('gives up after the last attempt, with the reason kept', async () => {
    const unit = await buildOrg(t, { parent: trees.a, name: '测试社区' });
    await createChannel({ kind: 'feishu', orgId: unit.id, name: '乙飞书（一直出错）', robot: { url: hooks.url('/down/hook/zzz') } });
    hooks.respond('/down/hook/zzz', () => ({ status: 503, body: {} }));
    await emit({ orgIds: [unit.id], kind: 'submission.reminder', title: '一直失败', dedupeKey: 'down' });
    const row = await waitFor(async () => (await deliveriesOf('down')).find((r) => r.status === 'dead'), { timeoutMs: 60_000, what: 'down dead' });
    expect(row.attempts).toBe(5);
    expect(row.lastError).toContain('对方服务出错（HTTP 503）');
    expect(row.lastError).toContain('已尝试 5 次');
    expect(hooks.at('/down/hook/zzz')).toHaveLength(5);
  }, 90_000);

  it('a loopback webhook is refused by the SSRF guard unless allow-listed', async () => {
    const { cookie: sec } = await asUser(t, trees.a, 'secadmin');
    await t.app.inject({ method: 'PUT', url: '/api/sources/fetch-policy', headers: { cookie: sec }, payload: { allowCidrs: [] } });
    try {
      await createChannel({ kind: 'wecom', orgId: trees.a.id, name: '内网地址', kinds: ['review.pending'], robot: { url: hooks.url('/internal/send?key=i') } });
      await emit({ orgIds: [trees.a.id], kind: 'review.pending', title: '不应发出', dedupeKey: 'ssrf' });
      const [row] = await settled('ssrf', 1);
      expect(row?.status).toBe('dead');
      expect(row?.lastError).toContain('已按安全策略拒绝访问');
      expect(hooks.at('/internal/send')).toHaveLength(0);
    } finally {
      await t.app.inject({ method: 'PUT', url: '/api/sources/fetch-policy', headers: { cookie: sec }, payload: { allowCidrs: ['127.0.0.1/32'] } });
    }
  });
});

describe('[通知] nothing is sent twice', () => {
  it('the same event notified twice is one delivery and one message', async () => {
    await createChannel({ kind: 'dingtalk', orgId: trees.a.id, name: '甲钉钉', kinds: ['incident.overdue'], robot: { url: hooks.url('/once/send?access_token=o') } });
    const member = await buildUser(t, { org: trees.a, roles: [{ role: 'monitor' }] });
    await emit({ userIds: [member.id], orgIds: [trees.a.id], kind: 'incident.overdue', title: '只发一次', dedupeKey: 'once' });
    await emit({ userIds: [member.id], orgIds: [trees.a.id], kind: 'incident.overdue', title: '只发一次', dedupeKey: 'once' });
    const rows = await settled('once', 2);
    expect(rows.map((r) => r.channel).sort()).toEqual(['dingtalk', 'inapp']);
    expect(
      await t.services.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, member.id), eq(notifications.dedupeKey, 'once'))),
    ).toHaveLength(1);
    expect(hooks.at('/once/send')).toHaveLength(1);
    // A stray second run of the job finds the row sent and sends nothing.
    const robot = rows.find((r) => r.channel === 'dingtalk');
    expect(await runDelivery(t.services, robot?.id ?? '')).toBe('skipped');
    expect(hooks.at('/once/send')).toHaveLength(1);
  });

  it('after a crash between send and commit the retry sends again and says so (the at-least-once edge)', async () => {
    const rows = await deliveriesOf('once');
    const robot = rows.find((r) => r.channel === 'dingtalk');
    // As if a worker claimed the row, the robot got the message, and the process died before `sent`.
    await t.services.db
      .update(notificationDeliveries)
      .set({ status: 'sending' })
      .where(eq(notificationDeliveries.id, robot?.id ?? ''));
    expect(await runDelivery(t.services, robot?.id ?? '')).toBe('sent');
    const [after] = await t.services.db
      .select()
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.id, robot?.id ?? ''));
    expect(after?.attempts).toBe(2);
    expect(after?.lastError).toContain('结果未知');
    expect(hooks.at('/once/send')).toHaveLength(2);
  });
});

describe('[通知] email over SMTP', () => {
  let reporter: { id: string };
  beforeAll(async () => {
    await createChannel({ kind: 'smtp', orgId: trees.a.id, name: '甲单位邮件服务器', smtp: { host: '127.0.0.1', port: sink.port, secure: false, username: '', from: 'notice@xuanlian.test' } });
    reporter = await buildUser(t, { org: trees.a1, roles: [{ role: 'reporter' }] });
    await t.services.db.update(users).set({ email: 'reporter@a1.test' }).where(eq(users.id, reporter.id));
  });

  it('mail goes only to those who asked for it, through the unit’s server', async () => {
    await emit({ userIds: [reporter.id], kind: 'review.returned', title: '稿件退回：不应发邮件', dedupeKey: 'mail-off' });
    expect((await deliveriesOf('mail-off')).map((r) => r.channel)).toEqual(['inapp']);

    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/notifications/preferences',
      headers: { cookie: await sessionCookie(t, reporter) },
      payload: { items: [{ kind: 'review.returned', inapp: true, email: true }] },
    });
    expect(put.statusCode, put.body).toBe(200);
    await emit({ userIds: [reporter.id], kind: 'review.returned', title: '稿件退回：请修改后重新报送', body: '第二段数据需要核实。', link: '/manuscripts/1', dedupeKey: 'mail-on' });
    const rows = await settled('mail-on', 2);
    const mail = rows.find((r) => r.channel === 'email');
    expect(mail).toMatchObject({ status: 'sent', attempts: 1, target: 'reporter@a1.test' });
    const got = sink.mails.find((m) => m.data.includes(mail?.id ?? 'none'));
    expect(got?.to).toEqual(['reporter@a1.test']);
    expect(got?.from).toBe('notice@xuanlian.test');
    expect(got?.data).toMatch(/Message-ID: <.*@xuanlian\.notify>/i);
  });

  it('a 4xx from the server is retried; a 5xx is final', async () => {
    const count = sink.mails.length;
    let calls = 0;
    sink.onData = () => (calls++ === 0 ? '451 4.3.0 try again later' : '250 2.0.0 OK');
    await emit({ userIds: [reporter.id], kind: 'review.returned', title: '暂时失败后成功', dedupeKey: 'mail-4xx' });
    const row = await waitFor(async () => (await deliveriesOf('mail-4xx')).find((r) => r.channel === 'email' && r.status === 'sent'), { timeoutMs: 30_000, what: 'mail retried' });
    expect(row.attempts).toBe(2);
    expect(sink.mails.length).toBe(count + 1);

    sink.onData = () => '550 5.1.1 mailbox unavailable';
    await emit({ userIds: [reporter.id], kind: 'review.returned', title: '拒收', dedupeKey: 'mail-5xx' });
    const dead = await waitFor(async () => (await deliveriesOf('mail-5xx')).find((r) => r.channel === 'email' && r.status === 'dead'), { timeoutMs: 30_000, what: 'mail dead' });
    expect(dead.attempts).toBe(1);
    expect(dead.lastError).toContain('邮件服务器拒收（550）');
    sink.onData = () => '250 2.0.0 OK';
  });

  it('mail asked for without an address is logged, not silently dropped', async () => {
    const noMail = await buildUser(t, { org: trees.b1, roles: [{ role: 'reporter' }] });
    await t.app.inject({
      method: 'PUT',
      url: '/api/notifications/preferences',
      headers: { cookie: await sessionCookie(t, noMail) },
      payload: { items: [{ kind: 'task.due', inapp: false, email: true }] },
    });
    await emit({ userIds: [noMail.id], kind: 'task.due', title: '没有邮箱', dedupeKey: 'no-mail' });
    const rows = await deliveriesOf('no-mail');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'email', status: 'dead' });
    expect(rows[0]?.lastError).toContain('没有邮箱地址');
  });
});

describe('[通知] channel secrets at rest', () => {
  const rowOf = async (id: string) => (await t.services.db.select().from(notificationChannels).where(eq(notificationChannels.id, id)))[0];

  it('the webhook key and signing secret are stored sealed, and still sign and send', async () => {
    const unit = await buildOrg(t, { parent: trees.a, name: '密钥社区' });
    const ch = await createChannel({ kind: 'dingtalk', orgId: unit.id, name: '密钥社区钉钉', robot: { url: hooks.url('/sealed/send?access_token=sealedtoken0123'), secret: DING_SECRET } });
    const stored = JSON.stringify((await rowOf(ch.id))?.secrets);
    expect(stored).toContain('"sealed":1');
    expect(stored).not.toContain('sealedtoken0123');
    expect(stored).not.toContain(DING_SECRET);
    await emit({ orgIds: [unit.id], kind: 'task.due', title: '密钥测试', dedupeKey: 'sealed-1' });
    expect((await settled('sealed-1', 1))[0]?.status).toBe('sent');
    const hit = hooks.at('/sealed/send')[0];
    expect(hit?.query.get('access_token')).toBe('sealedtoken0123');
    expect(hit?.query.get('sign')).toBe(
      createHmac('sha256', DING_SECRET)
        .update(`${hit?.query.get('timestamp')}\n${DING_SECRET}`)
        .digest('base64'),
    );

    // A row written before sealing (plain JSON) is still read; one sealed under another server key
    // fails with a reason to act on, and the channel still lists so it can be re-entered.
    await t.services.db
      .update(notificationChannels)
      .set({ secrets: { url: hooks.url('/legacy/send?access_token=legacy'), secret: '' } })
      .where(eq(notificationChannels.id, ch.id));
    await emit({ orgIds: [unit.id], kind: 'task.due', title: '旧数据', dedupeKey: 'sealed-2' });
    expect((await settled('sealed-2', 1))[0]?.status).toBe('sent');
    await t.services.db
      .update(notificationChannels)
      .set({ secrets: sealSecrets(randomBytes(32), { url: hooks.url('/other/send?access_token=x') }) })
      .where(eq(notificationChannels.id, ch.id));
    await emit({ orgIds: [unit.id], kind: 'task.due', title: '换了密钥', dedupeKey: 'sealed-3' });
    const dead = (await settled('sealed-3', 1))[0];
    expect(dead).toMatchObject({ status: 'dead' });
    expect(dead?.lastError).toContain('无法解密');
    const list = (await t.app.inject({ method: 'GET', url: `/api/notifications/channels?orgId=${unit.id}`, headers: { cookie: editor } })).json().items;
    expect(list[0].robot.urlMasked).toContain('无法解密');
  });
});
