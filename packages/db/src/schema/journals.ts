import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.ts';

/** 刊物: an office's internal journal, e.g. 《政务信息》《人大工作》 (seeds 001, 003). */
export const journals = pgTable(
  'journals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    /** 编印单位 printed under the masthead, e.g. 江城市人大常委会办公室. */
    publisher: text('publisher').notNull(),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('journals_org_name_uniq').on(t.orgId, t.name)],
);
