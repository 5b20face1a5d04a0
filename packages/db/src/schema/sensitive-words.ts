import { pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.ts';

/** Sensitive and banned words (错敏词库); applies to the owning unit's subtree. */
export const sensitiveWords = pgTable(
  'sensitive_words',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    word: text('word').notNull(),
    /** blocking: submission refused; warning: shown only. */
    level: text('level').notNull(),
    category: text('category').notNull().default('敏感词'),
    note: text('note').notNull().default(''),
    suggestion: text('suggestion'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('sensitive_words_org_word_uniq').on(t.orgId, t.word)],
);
