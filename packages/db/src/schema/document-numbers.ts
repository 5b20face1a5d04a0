import { integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.ts';

/**
 * 发文登记簿: every 发文字号 ever issued. Rows are only inserted, never updated or deleted, so a
 * number is never given twice: (office, kind, year, seq) and the document it went to are unique.
 */
export const documentNumbers = pgTable(
  'document_numbers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    /** As printed: 江宣〔2026〕5号. */
    number: text('number').notNull(),
    targetType: text('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    title: text('title').notNull(),
    assignedByName: text('assigned_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('document_numbers_seq_unique').on(t.orgId, t.kind, t.year, t.seq), unique('document_numbers_target_unique').on(t.targetType, t.targetId)],
);
