import { jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.ts';

/** Per-genre submission rules set by the editor for a unit's subtree (nearest unit wins). */
export const submissionRules = pgTable(
  'submission_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    genre: text('genre').notNull(),
    rules: jsonb('rules').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('submission_rules_org_genre_uniq').on(t.orgId, t.genre)],
);
