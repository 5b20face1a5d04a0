import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { opinionAlertRules } from './opinion-alert-rules.ts';

/**
 * 预警. `dedupe_key` names the rule plus the cluster or the episode it is about, so however often
 * an evaluation is repeated (retries, re-runs) the same alert is raised once.
 */
export const opinionAlerts = pgTable(
  'opinion_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => opinionAlertRules.id, { onDelete: 'cascade' }),
    topicId: uuid('topic_id').notNull(),
    kind: text('kind').notNull(),
    severity: text('severity').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    title: text('title').notNull(),
    clusterId: uuid('cluster_id'),
    mentionIds: uuid('mention_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    count: integer('count').notNull().default(1),
    firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('open'),
    acknowledgedBy: uuid('acknowledged_by'),
    acknowledgedByName: text('acknowledged_by_name'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('opinion_alerts_dedupe_uniq').on(t.dedupeKey), index('opinion_alerts_topic_idx').on(t.topicId, t.createdAt), index('opinion_alerts_rule_idx').on(t.ruleId, t.lastAt)],
);
