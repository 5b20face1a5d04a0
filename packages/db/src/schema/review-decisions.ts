import { index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { manuscripts } from './manuscripts.ts';
import { reviewSteps } from './review-steps.ts';
import { users } from './users.ts';

/** Every decision with who, when and why: what the 审签单 prints. */
export const reviewDecisions = pgTable(
  'review_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    manuscriptId: uuid('manuscript_id')
      .notNull()
      .references(() => manuscripts.id, { onDelete: 'cascade' }),
    stepId: uuid('step_id')
      .notNull()
      .references(() => reviewSteps.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    position: integer('position').notNull(),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    reviewerName: text('reviewer_name').notNull(),
    reviewerTitle: text('reviewer_title'),
    decision: text('decision').notNull(),
    comment: text('comment').notNull().default(''),
    version: integer('version'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('review_decisions_once_uniq').on(t.stepId, t.round, t.reviewerId), index('review_decisions_ms_idx').on(t.manuscriptId)],
);
