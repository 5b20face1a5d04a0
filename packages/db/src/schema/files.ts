import { bigint, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Content-addressed blobs: the row is written only after the bytes are safely on disk. */
export const files = pgTable('files', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  mime: text('mime').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Who uploaded a blob (one row per person: the same bytes uploaded twice are one file with two
 * uploaders). An uploader may attach their upload by its hash; anyone else needs to see a row
 * that already holds it — the hash is in every image URL, so it grants nothing by itself.
 */
export const fileUploads = pgTable(
  'file_uploads',
  {
    sha256: text('sha256')
      .notNull()
      .references(() => files.sha256),
    userId: uuid('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sha256, t.userId] }), index('file_uploads_user_idx').on(t.userId)],
);
