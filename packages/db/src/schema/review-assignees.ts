import { index, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { reviewSteps } from './review-steps.ts';
import { users } from './users.ts';

/** Who may decide a step, resolved when it is activated (the author and earlier deciders excluded). */
export const reviewAssignees = pgTable(
  'review_assignees',
  {
    stepId: uuid('step_id')
      .notNull()
      .references(() => reviewSteps.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    manuscriptId: uuid('manuscript_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.stepId, t.userId] }), index('review_assignees_user_idx').on(t.userId, t.stepId), index('review_assignees_ms_idx').on(t.manuscriptId)],
);
