import { notificationDeliveries, type Db } from '@xuanlian/db';
import { count, inArray } from 'drizzle-orm';

/** Deliveries that failed (waiting for a retry) or gave up, by channel: a handful of rows. */
export async function failingDeliveries(db: Db): Promise<Array<{ channel: string; status: string; n: number }>> {
  const rows = await db
    .select({ channel: notificationDeliveries.channel, status: notificationDeliveries.status, n: count() })
    .from(notificationDeliveries)
    .where(inArray(notificationDeliveries.status, ['failed', 'dead']))
    .groupBy(notificationDeliveries.channel, notificationDeliveries.status);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
