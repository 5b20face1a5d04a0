import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { journals } from './journals.ts';
import { orgs } from './orgs.ts';

/**
 * One numbered issue of a journal: 2026年第N期. The number is unique per journal per year and is
 * taken under a lock on the journal row, so two editors creating issues at once get N and N+1.
 */
export const journalIssues = pgTable(
  'journal_issues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    journalId: uuid('journal_id')
      .notNull()
      .references(() => journals.id),
    /** The journal's owning unit, copied for scope filters. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    /** 出刊日期, printed on the 期号 line. */
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    /** 报 / 送 / 发 lists of unit names, printed at the end. */
    distribution: jsonb('distribution').notNull().default({ report: [], send: [], issue: [] }),
    /** draft → published. */
    status: text('status').notNull().default('draft'),
    /** Bumped by every write; a save names the version it started from. */
    version: integer('version').notNull().default(1),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedByName: text('published_by_name'),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('journal_issues_number_uniq').on(t.journalId, t.year, t.number), index('journal_issues_org_idx').on(t.orgId, t.year)],
);
