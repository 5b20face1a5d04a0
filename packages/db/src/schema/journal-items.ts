import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { journalIssues } from './journal-issues.ts';
import { manuscripts } from './manuscripts.ts';
import { orgs } from './orgs.ts';

/**
 * 刊物用稿: one manuscript included in one issue, with the journal's own copy of its text (the
 * manuscript itself stays as approved). Published inclusions count as adoptions at the journal
 * owner's level (`journalInclusionsFor`).
 */
export const journalItems = pgTable(
  'journal_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issueId: uuid('issue_id')
      .notNull()
      .references(() => journalIssues.id, { onDelete: 'cascade' }),
    manuscriptId: uuid('manuscript_id')
      .notNull()
      .references(() => manuscripts.id),
    /** The manuscript's unit at inclusion: the unit credited. */
    manuscriptOrgId: uuid('manuscript_org_id')
      .notNull()
      .references(() => orgs.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    bodyHtml: text('body_html').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('journal_items_issue_ms_uniq').on(t.issueId, t.manuscriptId), index('journal_items_ms_idx').on(t.manuscriptId)],
);
