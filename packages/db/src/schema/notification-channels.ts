import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.ts';

/**
 * A way out of the system: an SMTP server (used for the people of its unit's subtree) or a
 * robot webhook of one unit's group chat (企业微信 / 钉钉 / 飞书). `settings` holds what may be
 * shown; `secrets` (webhook URL with its key, signing secret, SMTP password) is never echoed and
 * is stored sealed (AES-256-GCM, the server's core/secrets.ts).
 */
export const notificationChannels = pgTable(
  'notification_channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** Notification kinds a unit robot receives; empty = all. */
    kinds: text('kinds')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    settings: jsonb('settings').notNull(),
    secrets: jsonb('secrets').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notification_channels_org_idx').on(t.orgId, t.kind)],
);
