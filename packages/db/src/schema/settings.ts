import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Small keyed documents of configuration that admins edit at run time (e.g. the security policy). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
