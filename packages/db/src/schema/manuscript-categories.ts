import { boolean, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.ts';

/**
 * 栏目分类, an editable dictionary. A row belongs to a unit and applies to that unit's whole
 * subtree, so a street office can add its own categories beside the city's.
 */
export const manuscriptCategories = pgTable(
  'manuscript_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    code: text('code'),
    /** 突发事件: opens the urgent lane. */
    urgent: boolean('urgent').notNull().default(false),
    deadlineMinutes: integer('deadline_minutes').notNull().default(40),
    followUpHours: integer('follow_up_hours').notNull().default(24),
    sortOrder: integer('sort_order').notNull().default(100),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('manuscript_categories_org_name_uniq').on(t.orgId, t.name)],
);
