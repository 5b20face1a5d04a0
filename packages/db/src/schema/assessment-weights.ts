import { doublePrecision, integer, pgTable, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.ts';

/** 考核权重: one office's weights and list rules for a year's unit scorecard (editable by its editor). */
export const assessmentWeights = pgTable(
  'assessment_weights',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    points: integer('points').notNull(),
    quota: integer('quota').notNull(),
    targets: integer('targets').notNull(),
    tasks: integer('tasks').notNull(),
    praiseTop: integer('praise_top').notNull(),
    praiseThreshold: doublePrecision('praise_threshold').notNull(),
    criticiseBottom: integer('criticise_bottom').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('assessment_weights_org_year').on(t.orgId, t.year)],
);
