import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { manuscripts } from './manuscripts.ts';
import { orgs } from './orgs.ts';
import { releaseChannels } from './release-channels.ts';
import { users } from './users.ts';

/**
 * 信息发布: one approved manuscript put out on one own channel. Title, body and image ids are a
 * snapshot taken at release, so the public portal shows what was released even if the manuscript
 * is edited later. `reviewed_at` is when someone last confirmed the post is still current; the
 * clean-up sweep (seed 003) measures a post's age from it, or from `released_at`.
 */
export const releases = pgTable(
  'releases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    manuscriptId: uuid('manuscript_id')
      .notNull()
      .references(() => manuscripts.id),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => releaseChannels.id),
    /** The manuscript's unit: scope and statistics follow it. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    title: text('title').notNull(),
    bodyHtml: text('body_html').notNull(),
    imageShas: jsonb('image_shas').notNull().default([]),
    url: text('url'),
    /** 阅读量 / 浏览量, when known. */
    reach: integer('reach'),
    releasedAt: timestamp('released_at', { withTimezone: true }).notNull(),
    releasedById: uuid('released_by_id').references(() => users.id),
    releasedByName: text('released_by_name').notNull(),
    /** released → withdrawn. */
    status: text('status').notNull().default('released'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedByName: text('reviewed_by_name'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason'),
    withdrawnByName: text('withdrawn_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('releases_org_idx').on(t.orgId, t.releasedAt),
    index('releases_channel_idx').on(t.channelId, t.releasedAt),
    index('releases_public_idx')
      .on(t.releasedAt)
      .where(sql`status = 'released'`),
    uniqueIndex('releases_live_uniq')
      .on(t.manuscriptId, t.channelId)
      .where(sql`status = 'released'`),
  ],
);
