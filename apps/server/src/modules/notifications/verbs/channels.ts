import { randomUUID } from 'node:crypto';
import type { NotificationChannel, NotificationChannelCreateInput, NotificationChannelUpdateInput } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { conflict, notFound, validationError } from '../../../core/errors.ts';
import { requirePermission, requireOrgInScope } from '../../../core/scope.ts';
import { sealSecrets } from '../../../core/secrets.ts';
import { deleteChannel, findChannelInScope, insertChannel, listChannelsInScope, updateChannel } from '../channels.repo.ts';
import { DeliveryError, maskUrl } from '../channels/robots.ts';
import { claimDelivery, finishDelivery, insertDeliveries, recipientUsers, type ChannelRow } from '../deliveries.repo.ts';
import { channelSecrets, maskedRobotUrl, readableSecrets } from '../channel-secrets.ts';
import { messageOf, sendThrough, type DeliverOptions } from './deliver.ts';
import { readNotificationSettings } from './settings.ts';

export function presentChannel(row: ChannelRow, orgName: string, serverKey: Buffer): NotificationChannel {
  const s = row.settings as Record<string, unknown>;
  // A seal from another server key still lists (with its address hidden), so it can be re-entered.
  const readable = readableSecrets(serverKey, row);
  const secrets = readable ?? {};
  return {
    id: row.id,
    orgId: row.orgId,
    orgName,
    kind: row.kind as NotificationChannel['kind'],
    name: row.name,
    enabled: row.enabled,
    kinds: row.kinds as NotificationChannel['kinds'],
    smtp:
      row.kind === 'smtp'
        ? { host: String(s.host ?? ''), port: Number(s.port ?? 0), secure: Boolean(s.secure), username: String(s.username ?? ''), from: String(s.from ?? ''), passwordSet: Boolean(secrets.password) }
        : null,
    robot:
      row.kind === 'smtp'
        ? null
        : {
            urlMasked: !readable ? '（密钥无法解密，请重新填写地址）' : secrets.url ? maskUrl(secrets.url) : '',
            secretSet: Boolean(secrets.secret),
            format: (s.format as 'text' | 'markdown') ?? 'markdown',
          },
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a channel: everything but the secrets. */
function auditable(row: ChannelRow) {
  return { orgId: row.orgId, kind: row.kind, name: row.name, enabled: row.enabled, kinds: row.kinds, settings: row.settings };
}

export async function listChannels({ ctx, input }: { ctx: Ctx; input: { orgId?: string | undefined } }): Promise<{ items: NotificationChannel[] }> {
  const scope = requirePermission(ctx.actor, 'notification.manage');
  await requireOrgInScope(ctx.db, scope, input.orgId);
  const rows = await listChannelsInScope(ctx.db, scope, input.orgId);
  return { items: rows.map((r) => presentChannel(r.channel, r.orgName, ctx.config.auditKey)) };
}

async function loadInScope(ctx: Ctx, db: Executor, id: string) {
  const scope = requirePermission(ctx.actor, 'notification.manage');
  const found = await findChannelInScope(db, scope, id);
  if (!found) throw notFound('通知渠道');
  return found;
}

export async function createChannel({ ctx, input }: { ctx: Ctx; input: NotificationChannelCreateInput }): Promise<NotificationChannel> {
  const scope = requirePermission(ctx.actor, 'notification.manage');
  return ctx.db.transaction(async (tx) => {
    const org = await requireOrgInScope(tx, scope, input.orgId);
    let settings: object;
    let secrets: object;
    if (input.kind === 'smtp') {
      const { password, ...rest } = input.smtp;
      settings = rest;
      secrets = { password: password ?? '' };
    } else {
      if (!input.robot.url) throw validationError([{ path: 'robot.url', message: '请填写 Webhook 地址' }]);
      settings = { format: input.robot.format };
      secrets = { url: input.robot.url, secret: input.robot.secret ?? '' };
    }
    const row = await insertChannel(tx, {
      orgId: org.id,
      kind: input.kind,
      name: input.name,
      enabled: input.enabled,
      kinds: input.kinds,
      settings,
      secrets: sealSecrets(ctx.config.auditKey, secrets),
    });
    await writeAudit(tx, ctx, { action: 'notification_channel.create', targetType: 'notification_channel', targetId: row.id, orgId: org.id, after: auditable(row) });
    return presentChannel(row, org.name, ctx.config.auditKey);
  });
}

export async function updateChannelVerb({ ctx, id, input }: { ctx: Ctx; id: string; input: NotificationChannelUpdateInput }): Promise<NotificationChannel> {
  return ctx.db.transaction(async (tx) => {
    const { channel: row, orgName } = await loadInScope(ctx, tx, id);
    const settings = { ...(row.settings as object) } as Record<string, unknown>;
    const secrets = { ...channelSecrets(ctx.config.auditKey, row) } as Record<string, unknown>;
    if (input.smtp) {
      if (row.kind !== 'smtp') throw validationError([{ path: 'smtp', message: '机器人渠道不能填写邮件服务器设置' }]);
      const { password, ...rest } = input.smtp;
      Object.assign(settings, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
      // Omitted keeps the stored password: the page never receives it to send back.
      if (password !== undefined) secrets.password = password;
    }
    if (input.robot) {
      if (row.kind === 'smtp') throw validationError([{ path: 'robot', message: '邮件服务器不能填写机器人设置' }]);
      if (input.robot.format !== undefined) settings.format = input.robot.format;
      if (input.robot.url !== undefined) secrets.url = input.robot.url;
      if (input.robot.secret !== undefined) secrets.secret = input.robot.secret;
    }
    const patch = {
      settings,
      secrets: sealSecrets(ctx.config.auditKey, secrets),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      ...(input.kinds !== undefined ? { kinds: input.kinds } : {}),
    };
    const updated = await updateChannel(tx, row.id, input.version, patch);
    if (!updated) throw conflict('渠道设置已被他人修改，请刷新后重试');
    const secretsChanged = input.smtp?.password !== undefined || input.robot?.url !== undefined || input.robot?.secret !== undefined;
    await writeAudit(tx, ctx, {
      action: 'notification_channel.update',
      targetType: 'notification_channel',
      targetId: row.id,
      orgId: row.orgId,
      before: auditable(row),
      after: { ...auditable(updated), secretsChanged },
    });
    return presentChannel(updated, orgName, ctx.config.auditKey);
  });
}

export async function removeChannel({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ deleted: true }> {
  return ctx.db.transaction(async (tx) => {
    const { channel: row } = await loadInScope(ctx, tx, id);
    await deleteChannel(tx, row.id);
    await writeAudit(tx, ctx, { action: 'notification_channel.delete', targetType: 'notification_channel', targetId: row.id, orgId: row.orgId, before: auditable(row) });
    return { deleted: true };
  });
}

/**
 * 发送测试: sends one message through the channel at once (not through the queue: the person
 * pressing the button waits for the answer) and records it in the delivery log like any other.
 */
export async function testChannel({
  ctx,
  id,
  input,
  opts = {},
}: {
  ctx: Ctx;
  id: string;
  input: { to?: string | undefined };
  opts?: DeliverOptions;
}): Promise<{ ok: boolean; message: string; deliveryId: string }> {
  const { channel } = await loadInScope(ctx, ctx.db, id);
  let to = '';
  if (channel.kind === 'smtp') {
    to = input.to ?? (await recipientUsers(ctx.db, ctx.actor.userId ? [ctx.actor.userId] : []))[0]?.email ?? '';
    if (!to) throw validationError([{ path: 'to', message: '请填写收件邮箱（您的个人信息中没有邮箱地址）' }]);
  }
  const title = '宣联通知渠道测试';
  const body = `这是一条测试消息，由${ctx.actor.name}于${new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}从“通知渠道”页面发送。收到即表示“${channel.name}”配置正确。`;
  const deliveryId = await ctx.db.transaction(async (tx) => {
    const [created] = await insertDeliveries(tx, [
      {
        deliveryKey: `test:${randomUUID()}`,
        eventKey: `channel-test:${channel.id}`,
        kind: 'channel.test',
        title,
        body,
        link: null,
        channel: channel.kind === 'smtp' ? 'email' : channel.kind,
        userId: channel.kind === 'smtp' ? ctx.actor.userId : null,
        orgId: channel.orgId,
        channelId: channel.id,
        target: channel.kind === 'smtp' ? to : maskedRobotUrl(ctx.config.auditKey, channel),
        status: 'pending',
      },
    ]);
    await writeAudit(tx, ctx, {
      action: 'notification_channel.test',
      targetType: 'notification_channel',
      targetId: channel.id,
      orgId: channel.orgId,
      after: { deliveryId: created?.id, to: channel.kind === 'smtp' ? to : undefined },
    });
    return created?.id ?? '';
  });
  const claimed = await claimDelivery(ctx.db, { id: deliveryId, status: 'pending', attempts: 0 });
  if (!claimed) throw conflict();
  try {
    const settings = await readNotificationSettings(ctx.db);
    await sendThrough(ctx, channel, to, messageOf({ title, body, link: '/notifications/channels' }, settings.siteUrl), deliveryId, opts);
    await finishDelivery(ctx.db, deliveryId, { status: 'sent', error: null });
    return { ok: true, message: '测试消息已发送成功', deliveryId };
  } catch (err) {
    const message = err instanceof DeliveryError ? err.message : `发送出错：${err instanceof Error ? err.message.slice(0, 200) : String(err)}`;
    await finishDelivery(ctx.db, deliveryId, { status: 'dead', error: message });
    return { ok: false, message, deliveryId };
  }
}
