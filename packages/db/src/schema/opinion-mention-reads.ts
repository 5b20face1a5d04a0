import { pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { opinionMentions } from './opinion-mentions.ts';
import { users } from './users.ts';

/** Read state is per person: one monitor having read a mention says nothing about another. */
export const opinionMentionReads = pgTable(
  'opinion_mention_reads',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    mentionId: uuid('mention_id')
      .notNull()
      .references(() => opinionMentions.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.mentionId] })],
);
