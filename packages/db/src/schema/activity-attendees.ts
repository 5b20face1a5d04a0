import { date, doublePrecision, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { activities } from './activities.ts';
import { users } from './users.ts';

/** Who was expected at an activity, whether they came, why not, when they made it up, and an exam score. */
export const activityAttendees = pgTable(
  'activity_attendees',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    status: text('status').notNull(),
    absenceReason: text('absence_reason'),
    makeupOn: date('makeup_on', { mode: 'string' }),
    score: doublePrecision('score'),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.userId] })],
);
