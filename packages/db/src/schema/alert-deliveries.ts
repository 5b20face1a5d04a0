import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { opinionAlerts } from './opinion-alerts.ts';
import { users } from './users.ts';

/**
 * One alert in one person's in-app inbox. `held` rows wait for the end of the topic's quiet
 * hours (deliver_at). A later notifications module will take these over.
 */
export const alertDeliveries = pgTable(
  'alert_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => opinionAlerts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    deliverAt: timestamp('deliver_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('alert_deliveries_uniq').on(t.alertId, t.userId),
    index('alert_deliveries_inbox_idx').on(t.userId, t.status, t.deliveredAt),
    index('alert_deliveries_held_idx').on(t.status, t.deliverAt),
  ],
);
