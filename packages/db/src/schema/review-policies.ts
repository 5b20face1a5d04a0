import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { manuscriptCategories } from './manuscript-categories.ts';
import { orgs } from './orgs.ts';

/**
 * Maps (category, importance) to an ordered list of review steps for a unit's subtree. The
 * nearest unit's most specific active policy wins; seed 004's chains apply where none does.
 */
export const reviewPolicies = pgTable(
  'review_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    /** submission (报送) or release (发布, 初审 → 审核 → 审批). */
    purpose: text('purpose').notNull().default('submission'),
    categoryId: uuid('category_id').references(() => manuscriptCategories.id),
    importance: text('importance'),
    steps: jsonb('steps').notNull(),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('review_policies_org_idx').on(t.orgId)],
);
