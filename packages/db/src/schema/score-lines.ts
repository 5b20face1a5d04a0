import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.ts';

/**
 * The points ledger: every point on a unit's (user_id null) or a person's account is one line,
 * with the rule version and rule that produced it and the adoption / endorsement / commission /
 * quota it came from. Points are stored in hundredths so splits add up exactly.
 */
export const scoreLines = pgTable(
  'score_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    period: text('period').notNull(),
    subjectType: text('subject_type').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    userId: uuid('user_id'),
    centi: integer('centi').notNull(),
    ruleVersion: integer('rule_version').notNull(),
    ruleRef: text('rule_ref').notNull(),
    explanation: text('explanation').notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id').notNull(),
    manuscriptId: uuid('manuscript_id'),
    /** Order within one recomputation, so a base line is listed before its bonus. */
    seq: integer('seq').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('score_lines_period_org_idx').on(t.period, t.subjectType, t.orgId), index('score_lines_user_idx').on(t.userId, t.period), index('score_lines_manuscript_idx').on(t.manuscriptId)],
);
