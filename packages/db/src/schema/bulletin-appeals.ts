import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bulletins } from './bulletins.ts';
import { orgs } from './orgs.ts';
import { users } from './users.ts';

/** 申诉: a unit's objection to a bulletin during its appeal window, and the editor's answer. */
export const bulletinAppeals = pgTable(
  'bulletin_appeals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bulletinId: uuid('bulletin_id')
      .notNull()
      .references(() => bulletins.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    reason: text('reason').notNull(),
    createdById: uuid('created_by_id').references(() => users.id),
    createdByName: text('created_by_name').notNull(),
    answer: text('answer'),
    answeredByName: text('answered_by_name'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('bulletin_appeals_bulletin_idx').on(t.bulletinId)],
);
