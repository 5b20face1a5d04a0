import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.ts';

/**
 * 通报: one bulletin of an office over its subtree for a month, quarter or year. `numbers` holds
 * the statistics as last (re)generated while open; `snapshot` is written once at 定稿 (numbers,
 * text, title, 署名, appeals) and every later read or download of a final bulletin uses it.
 */
export const bulletins = pgTable(
  'bulletins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The issuing office; the bulletin covers its subtree. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    grain: text('grain').notNull(),
    period: text('period').notNull(),
    title: text('title').notNull(),
    /** draft → appeal → final. */
    status: text('status').notNull().default('draft'),
    commendTop: integer('commend_top').notNull().default(3),
    appealDays: integer('appeal_days').notNull().default(3),
    appealUntil: timestamp('appeal_until', { withTimezone: true }),
    /** BulletinText: the editable narrative. */
    text: jsonb('text').notNull(),
    /** BulletinNumbers from the statistics verb. */
    numbers: jsonb('numbers').notNull(),
    /** Written once at 定稿; never updated afterwards. */
    snapshot: jsonb('snapshot'),
    /** 发文机关署名 and 成文日期. */
    signer: text('signer').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
    createdByName: text('created_by_name').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    finalizedAt: timestamp('finalized_at', { withTimezone: true }),
    finalizedByName: text('finalized_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('bulletins_org_idx').on(t.orgId, t.period)],
);
