import { date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/** 计分规则, versioned: a version applies to everything dated on or after `effective_from` until the next one. Never edited. */
export const scoringRuleVersions = pgTable('scoring_rule_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  version: integer('version').notNull().unique(),
  effectiveFrom: date('effective_from').notNull(),
  note: text('note').notNull().default(''),
  rules: jsonb('rules').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdByName: text('created_by_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A closed month: its score lines are frozen and recomputation leaves them alone. */
export const scorePeriods = pgTable('score_periods', {
  period: text('period').primaryKey(),
  closedAt: timestamp('closed_at', { withTimezone: true }).notNull().defaultNow(),
  closedBy: uuid('closed_by').references(() => users.id),
  closedByName: text('closed_by_name').notNull(),
});
