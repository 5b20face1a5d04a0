import { date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { plans } from './plans.ts';

/** A stage of a plan (e.g. 会前预热 2月下旬–3月上旬) with its date range when the text gives one. */
export const planPhases = pgTable(
  'plan_phases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    startOn: date('start_on', { mode: 'string' }),
    endOn: date('end_on', { mode: 'string' }),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('plan_phases_plan_idx').on(t.planId)],
);
