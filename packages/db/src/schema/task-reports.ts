import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AttachedFile } from './activities.ts';
import { orgs } from './orgs.ts';
import { tasks } from './tasks.ts';

/** A lead unit's progress report (进展) or completion report, with evidence files. Append-only. */
export const taskReports = pgTable(
  'task_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull().default('progress'),
    body: text('body').notNull(),
    files: jsonb('files').$type<AttachedFile[]>().notNull().default([]),
    orgId: uuid('org_id').references(() => orgs.id),
    byUserId: uuid('by_user_id'),
    byName: text('by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('task_reports_task_idx').on(t.taskId)],
);
