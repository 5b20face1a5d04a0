import type { Executor } from '@xuanlian/db';
import { quietUntil } from '../../core/china-time.ts';
import type { TopicMeta } from '../topics/index.ts';
import { activeUsers, insertDeliveries, monitorsCovering } from './alerts.repo.ts';

/** Severe enough to wake someone: quiet hours never hold these. */
const URGENT = new Set(['major', 'critical']);

/**
 * The one place an alert reaches people. Today: a row per recipient in the in-app inbox,
 * held until the topic's quiet hours end unless the alert is 重大 or worse. A notifications
 * module will later fan out from here to robots and mail.
 */
export async function deliverAlert(tx: Executor, alert: { id: string; severity: string }, topic: Pick<TopicMeta, 'orgId' | 'recipientIds' | 'quietStart' | 'quietEnd'>, now: Date): Promise<number> {
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
  return recipients.length;
}
