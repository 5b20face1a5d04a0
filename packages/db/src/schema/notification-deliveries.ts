import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { notificationChannels } from './notification-channels.ts';
import { orgs } from './orgs.ts';
import { users } from './users.ts';

/**
 * The delivery log: one row per event × recipient × channel. `delivery_key` is unique, so the
 * same event reported twice (a retried job, a rerun reminder) is one row and one send.
 * status: pending → sending → sent | failed (retried) → dead (gave up).
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deliveryKey: text('delivery_key').notNull(),
    eventKey: text('event_key').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    channel: text('channel').notNull(),
    /** A person (inapp/email) or null for a unit's robot. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** The recipient's unit (a person's own unit, or the robot's): what scopes the log. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id').references(() => notificationChannels.id, { onDelete: 'set null' }),
    /** Where it went, as shown in the log (mail address, masked webhook). */
    target: text('target').notNull().default(''),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('notification_deliveries_key_uniq').on(t.deliveryKey),
    index('notification_deliveries_org_idx').on(t.orgId, t.createdAt),
    index('notification_deliveries_status_idx').on(t.status, t.updatedAt),
  ],
);
