import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { commissions } from './commissions.ts';
import { manuscriptCategories } from './manuscript-categories.ts';
import { orgs } from './orgs.ts';
import { users } from './users.ts';

const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

/**
 * 稿件. `search_text` holds the jieba-segmented words (textkit's forIndex), and `search_tsv` is
 * derived from it by the database with the `simple` configuration, which both PGlite and
 * PostgreSQL have; the GIN index serves Chinese full-text search on either engine.
 */
export const manuscripts = pgTable(
  'manuscripts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull().default(''),
    bodyHtml: text('body_html').notNull().default(''),
    categoryId: uuid('category_id').references(() => manuscriptCategories.id),
    genre: text('genre').notNull().default('work_info'),
    importance: text('importance').notNull().default('general'),
    authors: jsonb('authors').notNull().default([]),
    attachments: jsonb('attachments').notNull().default([]),
    status: text('status').notNull().default('draft'),
    /** Bumped by every write; a save must name the revision it started from. */
    revision: integer('revision').notNull().default(1),
    /** SHA-256 of the editable content, so a repeated autosave is recognised and costs nothing. */
    contentHash: text('content_hash').notNull().default(''),
    /** Latest version number; 0 until the first submission. */
    version: integer('version').notNull().default(0),
    reportKind: text('report_kind'),
    eventAt: timestamp('event_at', { withTimezone: true }),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    /** The 首报's id, on every report of a 突发事件 chain. */
    chainId: uuid('chain_id'),
    chainSeq: integer('chain_seq'),
    chainClosedAt: timestamp('chain_closed_at', { withTimezone: true }),
    /** The last escalation sent for this chain (deadline / follow-up stage), so it is sent once. */
    escalatedStage: text('escalated_stage'),
    commissionId: uuid('commission_id').references(() => commissions.id),
    /** The step position that last returned it; a resubmission restarts there. */
    returnedPosition: integer('returned_position'),
    searchText: text('search_text').notNull().default(''),
    searchTsv: tsvector('search_tsv').generatedAlwaysAs((): ReturnType<typeof sql> => sql`to_tsvector('simple'::regconfig, search_text)`),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('manuscripts_org_status_idx').on(t.orgId, t.status),
    index('manuscripts_reporter_idx').on(t.reporterId, t.updatedAt),
    index('manuscripts_submitted_idx').on(t.submittedAt),
    index('manuscripts_chain_idx').on(t.chainId),
    index('manuscripts_commission_idx').on(t.commissionId),
    index('manuscripts_search_idx').using('gin', t.searchTsv),
  ],
);
