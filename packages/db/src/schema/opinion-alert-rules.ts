import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { opinionTopics } from './opinion-topics.ts';

/** When a topic's mentions raise an alert; the topic says who receives it. */
export const opinionAlertRules = pgTable(
  'opinion_alert_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => opinionTopics.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    threshold: integer('threshold'),
    windowMinutes: integer('window_minutes'),
    sourceIds: uuid('source_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    keywords: text('keywords')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    severity: text('severity').notNull().default('general'),
    enabled: boolean('enabled').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('opinion_alert_rules_topic_idx').on(t.topicId)],
);
