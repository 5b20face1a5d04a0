import { integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.ts';

/**
 * 发布平台: an office's own channels (网站, 公众号, 微博, 抖音, 视频号, 宣传栏, 刊物 …), an editable
 * dictionary owned by a unit; a unit releases to its own channels and those of the units above it.
 */
export const releaseChannels = pgTable(
  'release_channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    /** website, wechat, weibo, douyin, channels, board, journal, other. */
    kind: text('kind').notNull().default('other'),
    /** The channel's home address, when it has one. */
    homeUrl: text('home_url'),
    sortOrder: integer('sort_order').notNull().default(100),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('release_channels_org_name_uniq').on(t.orgId, t.name)],
);
