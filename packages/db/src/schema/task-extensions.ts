import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tasks } from './tasks.ts';

/** A request to move a task's deadline, decided by the office; at most one waits per task. */
export const taskExtensions = pgTable(
  'task_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    fromDeadline: date('from_deadline', { mode: 'string' }),
    toDeadline: date('to_deadline', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('requested'),
    requestedBy: uuid('requested_by'),
    requestedByName: text('requested_by_name').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
  },
  (t) => [
    index('task_extensions_task_idx').on(t.taskId),
    uniqueIndex('task_extensions_one_open')
      .on(t.taskId)
      .where(sql`status = 'requested'`),
  ],
);
