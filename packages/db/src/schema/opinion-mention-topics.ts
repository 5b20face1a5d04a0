import { boolean, index, jsonb, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { opinionMentions } from './opinion-mentions.ts';
import { opinionTopics } from './opinion-topics.ts';

/**
 * Which topics a mention matched, with the keyword positions for highlighting. The mention's
 * time and negativity are copied here so alert windows count from one index.
 */
export const opinionMentionTopics = pgTable(
  'opinion_mention_topics',
  {
    mentionId: uuid('mention_id')
      .notNull()
      .references(() => opinionMentions.id, { onDelete: 'cascade' }),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => opinionTopics.id, { onDelete: 'cascade' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    negative: boolean('negative').notNull(),
    highlights: jsonb('highlights').notNull(),
  },
  (t) => [primaryKey({ columns: [t.mentionId, t.topicId] }), index('opinion_mention_topics_topic_idx').on(t.topicId, t.occurredAt)],
);
