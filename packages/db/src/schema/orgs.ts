import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The unit tree. `path` is the materialised chain of ids ("/a/b/c/") so that a subtree is one
 * indexed prefix match, the filter that every scoped query applies.
 */
export const orgs = pgTable(
  'orgs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id'),
    path: text('path').notNull(),
    depth: integer('depth').notNull().default(0),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    code: text('code').notNull().unique(),
    sortOrder: integer('sort_order').notNull().default(0),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('orgs_path_idx').using('btree', sql`${t.path} text_pattern_ops`), index('orgs_parent_idx').on(t.parentId)],
);
