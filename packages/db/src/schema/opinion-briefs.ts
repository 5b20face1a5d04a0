import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.ts';

/** A daily or weekly opinion brief for a unit's scope; the .docx is a stored file. */
export const opinionBriefs = pgTable(
  'opinion_briefs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind').notNull(),
    periodFrom: timestamp('period_from', { withTimezone: true }).notNull(),
    periodTo: timestamp('period_to', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('pending'),
    error: text('error'),
    fileSha256: text('file_sha256'),
    figures: jsonb('figures'),
    requestedBy: uuid('requested_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    generatedAt: timestamp('generated_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('opinion_briefs_period_uniq').on(t.orgId, t.kind, t.periodFrom), index('opinion_briefs_org_idx').on(t.orgId, t.createdAt)],
);
