import { randomUUID } from 'node:crypto';
import type { NotificationKind } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import type { Ctx } from '../../../core/context.ts';
import { insertDeliveries, preferencesFor, recipientUsers, robotsFor, smtpChannelFor, type NewDelivery } from '../deliveries.repo.ts';
import { insertNotifications } from '../notifications.repo.ts';
import { maskedRobotUrl } from '../channel-secrets.ts';

export const DELIVER_JOB = 'notifications.deliver';
/** Attempts per delivery: the first and four retries with backoff. */
export const MAX_ATTEMPTS = 5;
const DEFAULT_RETRY_DELAY_SECONDS = 30;

export interface NotifyInput {
  tx: Executor;
  ctx: Ctx;
  /** People: each gets the in-app inbox and mail according to their preferences. */
  userIds?: ReadonlyArray<string | null | undefined>;
  /** Units: each unit's enabled group robots that take this kind. */
  orgIds?: ReadonlyArray<string | null | undefined>;
  kind: NotificationKind;
  title: string;
  body?: string;
  /** An in-app path, e.g. /manuscripts/<id>. */
  link?: string | null;
  /**
   * Names the event: the same key for the same recipient and channel is one delivery, so a
   * retried job or a rerun reminder never repeats itself. Without one, every call is new.
   */
  dedupeKey?: string | null;
  /** Mail and robots wait until then (an alert's quiet hours); the in-app inbox shows it at once. */
  notBefore?: Date | null;
}

/** Defaults when a person has not chosen: the inbox always, mail only when asked for. */
const DEFAULT_ON = { inapp: true, email: false } as const;

const uniq = (ids: ReadonlyArray<string | null | undefined>): string[] => [...new Set(ids.filter((u): u is string => typeof u === 'string'))];

/**
 * The one way any module reaches people, called inside the caller's transaction so that the
 * notice exists exactly when the change it reports does. In-app rows are written here; every
 * other channel gets a delivery row and a job (sent by the worker with retries and backoff).
 * Returns the number of new in-app notices.
 */
export async function notify(input: NotifyInput): Promise<number> {
  const { tx, ctx, kind } = input;
  const title = input.title.slice(0, 200);
  const body = (input.body ?? '').slice(0, 1000);
  const link = input.link ?? null;
  const eventKey = input.dedupeKey ?? randomUUID();
  // Nobody is told about their own act.
  const people = await recipientUsers(
    tx,
    uniq(input.userIds ?? []).filter((u) => u !== ctx.actor.userId),
  );
  const prefs = await preferencesFor(
    tx,
    people.map((p) => p.id),
    kind,
  );
  const wants = (userId: string, channel: 'inapp' | 'email') => prefs.get(`${userId}:${channel}`) ?? DEFAULT_ON[channel];

  const base = { eventKey, kind, title, body, link };
  const now = new Date();
  const inbox = people.filter((p) => wants(p.id, 'inapp'));
  const inserted = await insertNotifications(
    tx,
    inbox.map((p) => ({ userId: p.id, kind, title, body, link, dedupeKey: input.dedupeKey ?? null })),
  );
  const rows: NewDelivery[] = inbox.map((p) => ({
    ...base,
    deliveryKey: `${eventKey}|user:${p.id}|inapp`,
    channel: 'inapp',
    userId: p.id,
    orgId: p.orgId,
    target: '站内消息',
    status: 'sent',
    attempts: 1,
    sentAt: now,
  }));

  for (const p of people.filter((x) => wants(x.id, 'email'))) {
    const smtp = await smtpChannelFor(tx, p.orgPath);
    const missing = !p.email ? '个人信息中没有邮箱地址' : !smtp ? '本单位及上级单位都没有启用的邮件服务器（SMTP）' : null;
    rows.push({
      ...base,
      deliveryKey: `${eventKey}|user:${p.id}|email`,
      channel: 'email',
      userId: p.id,
      orgId: p.orgId,
      channelId: smtp?.id ?? null,
      target: p.email ?? '',
      // Logged rather than dropped, so the office sees why someone asked for mail and got none.
      status: missing ? 'dead' : 'pending',
      lastError: missing ? `未发送：${missing}` : null,
    });
  }

  for (const robot of await robotsFor(tx, uniq(input.orgIds ?? []), kind)) {
    rows.push({
      ...base,
      deliveryKey: `${eventKey}|channel:${robot.id}|${robot.kind}`,
      channel: robot.kind,
      orgId: robot.orgId,
      channelId: robot.id,
      target: maskedRobotUrl(ctx.config.auditKey, robot),
      status: 'pending',
    });
  }

  const created = await insertDeliveries(tx, rows);
  const pendingIds = new Set(rows.filter((r) => r.status === 'pending').map((r) => r.deliveryKey));
  const startAfterSeconds = input.notBefore ? Math.max(0, Math.ceil((input.notBefore.getTime() - now.getTime()) / 1000)) : 0;
  for (const d of created) {
    if (d.channel === 'inapp') continue;
    if (!pendingIds.has(d.deliveryKey)) continue;
    await enqueueDelivery(tx, ctx, d.id, startAfterSeconds);
  }
  return inserted;
}

export async function enqueueDelivery(tx: Executor, ctx: Ctx, deliveryId: string, startAfterSeconds = 0): Promise<void> {
  await ctx.jobs.send(
    tx,
    DELIVER_JOB,
    { deliveryId },
    {
      // One job per delivery among the waiting and running ones.
      singletonKey: deliveryId,
      startAfterSeconds,
      retryLimit: MAX_ATTEMPTS - 1,
      retryDelaySeconds: ctx.config.notifyRetryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS,
      retryBackoff: true,
    },
  );
}
