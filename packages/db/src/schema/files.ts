import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Content-addressed blobs: the row is written only after the bytes are safely on disk. */
export const files = pgTable('files', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  mime: text('mime').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
