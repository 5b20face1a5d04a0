import { GRADE_LABELS, type Grade } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import type { Ctx } from '../../core/context.ts';
import { quietUntil } from '../../core/china-time/index.ts';
import { notify } from '../notifications/index.ts';
import type { TopicMeta } from '../topics/index.ts';
import { activeUsers, insertDeliveries, monitorsCovering } from './alerts.repo.ts';

/** Severe enough to wake someone: quiet hours never hold these. */
const URGENT = new Set(['major', 'critical']);

/**
 * The one place an alert reaches people. `alert_deliveries` keeps the alert inbox's own state
 * (held during the topic's quiet hours unless 重大 or worse, read marks); the people themselves
 * are reached through the notifications module — the bell at once, and mail and the topic
 * unit's group robot after the quiet hours end.
 */
export async function deliverAlert(
  tx: Executor,
  ctx: Ctx,
  alert: { id: string; severity: string; title: string },
  topic: Pick<TopicMeta, 'orgId' | 'name' | 'recipientIds' | 'quietStart' | 'quietEnd'>,
  now: Date,
): Promise<number> {
  const recipients = topic.recipientIds.length > 0 ? await activeUsers(tx, topic.recipientIds) : await monitorsCovering(tx, topic.orgId);
  const until = topic.quietStart && topic.quietEnd && !URGENT.has(alert.severity) ? quietUntil(now, topic.quietStart, topic.quietEnd) : null;
  await insertDeliveries(
    tx,
    recipients.map((userId) => ({
      alertId: alert.id,
      userId,
      status: until ? 'held' : 'delivered',
      deliverAt: until ?? now,
      deliveredAt: until ? null : now,
    })),
  );
  await notify({
    tx,
    ctx,
    userIds: recipients,
    orgIds: [topic.orgId],
    kind: 'opinion.alert',
    title: `舆情预警（${GRADE_LABELS[alert.severity as Grade] ?? alert.severity}）：${alert.title}`,
    body: `监测专题“${topic.name}”触发预警，请及时研判处置。`,
    link: null,
    dedupeKey: `alert:${alert.id}`,
    notBefore: until,
  });
  return recipients.length;
}
