import { pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.ts';

/**
 * 发文设置: how one issuing office prints one kind of document — its 发文机关标志 (the red
 * masthead), 发文机关代字 for the 发文字号, the default 抄送 and the 印发机关 of the 版记.
 * One row per (office, kind); an office without a row prints with defaults derived from its name.
 */
export const documentRegisters = pgTable(
  'document_registers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    /** The document kind, e.g. `bulletin` (通报). */
    kind: text('kind').notNull(),
    masthead: text('masthead').notNull(),
    /** 发文机关代字, e.g. 江宣 → 江宣〔2026〕5号. */
    code: text('code').notNull(),
    copyTo: text('copy_to').notNull().default(''),
    printedBy: text('printed_by').notNull(),
    updatedByName: text('updated_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('document_registers_org_kind_unique').on(t.orgId, t.kind)],
);
