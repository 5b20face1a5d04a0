import type { Services } from '../../../core/context.ts';
import type { Resolver } from '../../../core/net/index.ts';
import { channelSecrets, type ChannelSecrets } from '../channel-secrets.ts';
import { findChannel } from '../channels.repo.ts';
import { DeliveryError, type OutgoingMessage, type RobotKind } from '../channels/robots.ts';
import { outbound, sendMail, sendRobot, type SmtpConfig } from '../channels/send.ts';
import { claimDelivery, findDelivery, finishDelivery, type ChannelRow, type DeliveryRow } from '../deliveries.repo.ts';
import { MAX_ATTEMPTS } from './notify.ts';
import { readNotificationSettings } from './settings.ts';

export interface DeliverOptions {
  /** Tests map names to 127.0.0.1 without DNS; production resolves for real. */
  resolver?: Resolver;
  timeoutMs?: number;
}

export function messageOf(row: Pick<DeliveryRow, 'title' | 'body' | 'link'>, siteUrl: string): OutgoingMessage {
  const base = siteUrl.replace(/\/+$/, '');
  return { title: row.title, body: row.body, link: row.link && base ? `${base}${row.link.startsWith('/') ? '' : '/'}${row.link}` : null };
}

/** Sends through one configured channel; throws a DeliveryError in 中文 on failure. */
export async function sendThrough(services: Services, channel: ChannelRow, to: string, m: OutgoingMessage, messageId: string, opts: DeliverOptions = {}): Promise<void> {
  const out = await outbound(services.db, opts.resolver, opts.timeoutMs);
  let secrets: ChannelSecrets;
  try {
    secrets = channelSecrets(services.config.auditKey, channel);
  } catch (err) {
    throw new DeliveryError(err instanceof Error ? err.message : '渠道密钥无法解密', true);
  }
  if (channel.kind === 'smtp') {
    const s = channel.settings as Omit<SmtpConfig, 'password'>;
    await sendMail({ ...s, password: secrets.password ?? '' }, to, m, messageId, out);
    return;
  }
  if (!secrets.url) throw new DeliveryError('渠道没有配置 Webhook 地址', true);
  const format = (channel.settings as { format?: 'text' | 'markdown' }).format ?? 'markdown';
  await sendRobot(channel.kind as RobotKind, { url: secrets.url, secret: secrets.secret ?? '', format }, m, out);
}

export type DeliveryOutcome = 'sent' | 'failed' | 'dead' | 'skipped';

/**
 * The job behind every mail and robot message. The row is claimed as `sending` and committed
 * before anything leaves, and marked `sent` right after; a row already `sent` or `dead` is never
 * sent again, so repeated jobs and reruns are harmless.
 *
 * The edge that stays at-least-once: if the process dies after the vendor accepted the message
 * but before `sent` is committed, the row is left `sending` and pg-boss retries the job (after
 * its heartbeat lapses). We cannot know whether the first attempt arrived, so the retry sends
 * again and says so in the log; the mail's Message-ID is the same on both, which lets mail
 * systems fold them. Robot APIs take no idempotency key, so a group may then see it twice.
 *
 * A failure leaves the row `failed` and throws so pg-boss retries with backoff; the last
 * attempt, or a failure no retry can fix (bad address, signature, key), leaves it `dead`.
 */
export async function runDelivery(services: Services, deliveryId: string, opts: DeliverOptions = {}): Promise<DeliveryOutcome> {
  const seen = await findDelivery(services.db, deliveryId);
  if (!seen || seen.status === 'sent' || seen.status === 'dead' || seen.channel === 'inapp') return 'skipped';
  const row = await claimDelivery(services.db, seen);
  if (!row) return 'skipped';
  const resumed = seen.status === 'sending' ? '（上次发送时进程中断，结果未知，已重新发送）' : '';
  let error: DeliveryError;
  try {
    const channel = row.channelId ? await findChannel(services.db, row.channelId) : null;
    if (!channel || !channel.enabled) throw new DeliveryError('发送渠道已删除或已停用', true);
    const settings = await readNotificationSettings(services.db);
    await sendThrough(services, channel, row.target, messageOf(row, settings.siteUrl), row.id, opts);
    await finishDelivery(services.db, row.id, { status: 'sent', error: resumed || null });
    return 'sent';
  } catch (err) {
    if (!(err instanceof DeliveryError)) services.log.error({ err, deliveryId }, '通知发送出现意外错误');
    error = err instanceof DeliveryError ? err : new DeliveryError(`发送出错：${err instanceof Error ? err.message.slice(0, 200) : String(err)}`);
  }
  const dead = error.permanent || row.attempts >= MAX_ATTEMPTS;
  const message = `${error.message}${dead && !error.permanent ? `（已尝试 ${row.attempts} 次，不再重试）` : ''}`;
  await finishDelivery(services.db, row.id, { status: dead ? 'dead' : 'failed', error: message });
  if (dead) return 'dead';
  // pg-boss retries the job with backoff.
  throw new Error(message);
}
