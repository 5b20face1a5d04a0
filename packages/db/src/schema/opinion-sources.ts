import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.ts';

/**
 * 信源: a feed, a web page read with selectors, or a manual channel. The health columns are
 * written by every fetch, so a source that keeps failing is visible, never silent.
 */
export const opinionSources = pgTable(
  'opinion_sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    url: text('url'),
    selectors: jsonb('selectors'),
    region: text('region'),
    intervalMinutes: integer('interval_minutes').notNull().default(30),
    enabled: boolean('enabled').notNull().default(true),
    /** Validators from the last 200, sent back as If-None-Match / If-Modified-Since. */
    etag: text('etag'),
    lastModified: text('last_modified'),
    lastFetchAt: timestamp('last_fetch_at', { withTimezone: true }),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
    lastError: text('last_error'),
    lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
    errorStreak: integer('error_streak').notNull().default(0),
    itemsTotal: bigint('items_total', { mode: 'number' }).notNull().default(0),
    nextFetchAt: timestamp('next_fetch_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('opinion_sources_org_idx').on(t.orgId), index('opinion_sources_due_idx').on(t.enabled, t.nextFetchAt)],
);
