import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.ts';
import { planPhases } from './plan-phases.ts';
import { plans } from './plans.ts';

/**
 * A task of a plan with its lead unit (who reports and answers 督办单), cooperating units, deadline
 * and status. Every status change is a conditional update on `status`, edits on `version`.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    phaseId: uuid('phase_id').references(() => planPhases.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    leadOrgId: uuid('lead_org_id').references(() => orgs.id),
    cooperatingOrgIds: uuid('cooperating_org_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    deadline: date('deadline', { mode: 'string' }),
    status: text('status').notNull().default('pending'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    closedLate: boolean('closed_late').notNull().default(false),
    accountabilityNote: text('accountability_note'),
    reviewNote: text('review_note'),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('tasks_plan_idx').on(t.planId), index('tasks_lead_idx').on(t.leadOrgId), index('tasks_deadline_idx').on(t.deadline)],
);
