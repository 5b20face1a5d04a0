import { boolean, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { manuscripts } from './manuscripts.ts';

/**
 * Content after submission: each submission, each revision round of the reporter (one open
 * version updated by its saves, sealed at resubmission) and each reviewer's edit.
 */
export const manuscriptVersions = pgTable(
  'manuscript_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    manuscriptId: uuid('manuscript_id')
      .notNull()
      .references(() => manuscripts.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    bodyHtml: text('body_html').notNull(),
    sealed: boolean('sealed').notNull().default(true),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('manuscript_versions_uniq').on(t.manuscriptId, t.version), index('manuscript_versions_ms_idx').on(t.manuscriptId)],
);
