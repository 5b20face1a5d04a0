import { boolean, date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { manuscripts } from './manuscripts.ts';
import { orgs } from './orgs.ts';
import { outlets } from './outlets.ts';
import { users } from './users.ts';

/**
 * 用稿: one outlet ran (or reposted) one manuscript. Entered once, verified by a different editor;
 * only verified rows score. `org_id` is the manuscript's unit, kept here so scope filters and the
 * statistics need no join. One row per manuscript and outlet: the same adoption cannot be typed twice.
 */
export const adoptions = pgTable(
  'adoptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    manuscriptId: uuid('manuscript_id')
      .notNull()
      .references(() => manuscripts.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    outletId: uuid('outlet_id')
      .notNull()
      .references(() => outlets.id),
    adoptedOn: date('adopted_on').notNull(),
    columnName: text('column_name').notNull().default(''),
    page: text('page').notNull().default(''),
    edition: text('edition').notNull().default(''),
    url: text('url').notNull().default(''),
    frontPage: boolean('front_page').notNull().default(false),
    length: integer('length'),
    kind: text('kind').notNull().default('original'),
    ghostwritten: boolean('ghostwritten').notNull().default(false),
    evidenceSha256: text('evidence_sha256'),
    evidenceName: text('evidence_name'),
    evidenceMime: text('evidence_mime'),
    /** What became of saving the page at `url` when the adoption was entered (saved, or why not). */
    evidenceNote: text('evidence_note'),
    status: text('status').notNull().default('pending'),
    enteredBy: uuid('entered_by').references(() => users.id),
    enteredByName: text('entered_by_name').notNull(),
    verifiedBy: uuid('verified_by').references(() => users.id),
    verifiedByName: text('verified_by_name'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    rejectReason: text('reject_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('adoptions_manuscript_outlet').on(t.manuscriptId, t.outletId), index('adoptions_org_date_idx').on(t.orgId, t.adoptedOn), index('adoptions_status_date_idx').on(t.status, t.adoptedOn)],
);
