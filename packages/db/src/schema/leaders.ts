import { integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.ts';

/** Leaders' names and current titles, so a wrong title next to a known name is caught. */
export const leaders = pgTable(
  'leaders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    titles: jsonb('titles').$type<string[]>().notNull(),
    note: text('note').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(100),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('leaders_org_name_uniq').on(t.orgId, t.name)],
);
