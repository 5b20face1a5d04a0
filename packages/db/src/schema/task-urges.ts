import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tasks } from './tasks.ts';

/** A 督办单: issued by the office, signed for (签收) and answered by the lead unit. */
export const taskUrges = pgTable(
  'task_urges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    code: text('code').notNull().unique(),
    body: text('body').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    status: text('status').notNull().default('issued'),
    issuedBy: uuid('issued_by'),
    issuedByName: text('issued_by_name').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    signedBy: uuid('signed_by'),
    signedByName: text('signed_by_name'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    answer: text('answer'),
    answeredBy: uuid('answered_by'),
    answeredByName: text('answered_by_name'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [index('task_urges_task_idx').on(t.taskId)],
);
