import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { files } from './files.ts';
import { manuscripts } from './manuscripts.ts';

/** Which stored blobs a manuscript uses (body images, attachments): who may read a file follows from it. */
export const manuscriptFiles = pgTable(
  'manuscript_files',
  {
    manuscriptId: uuid('manuscript_id')
      .notNull()
      .references(() => manuscripts.id, { onDelete: 'cascade' }),
    sha256: text('sha256')
      .notNull()
      .references(() => files.sha256),
    kind: text('kind').notNull(),
    name: text('name').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.manuscriptId, t.sha256] }), index('manuscript_files_sha_idx').on(t.sha256)],
);
