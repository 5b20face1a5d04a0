import { doublePrecision, integer, pgTable, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.ts';
import { users } from './users.ts';

/** 任务分解表: a unit's (or one person's, user_id set) targets for a year. */
export const quotas = pgTable(
  'quotas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    userId: uuid('user_id').references(() => users.id),
    year: integer('year').notNull(),
    monthlySubmissions: integer('monthly_submissions').notNull().default(0),
    adoptionsCentral: integer('adoptions_central').notNull().default(0),
    adoptionsProvince: integer('adoptions_province').notNull().default(0),
    adoptionsCity: integer('adoptions_city').notNull().default(0),
    adoptionsCounty: integer('adoptions_county').notNull().default(0),
    points: doublePrecision('points').notNull().default(0),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('quotas_org_user_year').on(t.orgId, t.userId, t.year).nullsNotDistinct()],
);
