import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, index, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { opinionSources } from './opinion-sources.ts';

const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

/**
 * 舆情信息: one collected item after normalisation. Exact duplicates are kept out by the two
 * unique hashes; near-duplicates (reposts) share a cluster_id, the id of the first one seen,
 * found through an in-memory index of recent fingerprints (no band indexes on this table).
 */
export const opinionMentions = pgTable(
  'opinion_mentions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => opinionSources.id),
    /** The source's owner unit when collected: what scopes the mention. */
    orgId: uuid('org_id').notNull(),
    url: text('url'),
    urlHash: text('url_hash'),
    contentHash: text('content_hash').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    author: text('author'),
    region: text('region'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow(),
    simhash: bigint('simhash', { mode: 'bigint' }).notNull(),
    clusterId: uuid('cluster_id').notNull(),
    sentiment: text('sentiment').notNull(),
    sentimentScore: real('sentiment_score').notNull(),
    sentimentWords: text('sentiment_words')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** jieba search-mode tokens joined by spaces (textkit forIndex), fed to the generated tsvector. */
    searchText: text('search_text').notNull(),
    search: tsvector('search').generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, search_text)`),
    irrelevant: boolean('irrelevant').notNull().default(false),
    important: boolean('important').notNull().default(false),
    markedBy: uuid('marked_by'),
    markedAt: timestamp('marked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('opinion_mentions_url_hash_uniq').on(t.urlHash),
    uniqueIndex('opinion_mentions_content_hash_uniq').on(t.contentHash),
    index('opinion_mentions_occurred_idx').on(t.occurredAt),
    index('opinion_mentions_source_idx').on(t.sourceId, t.fetchedAt),
    index('opinion_mentions_cluster_idx').on(t.clusterId, t.occurredAt),
    index('opinion_mentions_org_idx').on(t.orgId, t.occurredAt),
    index('opinion_mentions_search_idx').using('gin', t.search),
    // Workers read what others stored since their last look (the in-memory SimHash window).
    index('opinion_mentions_fetched_idx').on(t.fetchedAt),
  ],
);
