import { boolean, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** 媒体库: the outlets adoptions are recorded against; one shared registry for the whole installation. */
export const outlets = pgTable('outlets', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  /** central / province / city / county / own */
  level: text('level').notNull(),
  /** newspaper / tv / radio / website / new_media */
  type: text('type').notNull(),
  region: text('region').notNull().default(''),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
