import { date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { activityTypes } from './activity-types.ts';
import { orgs } from './orgs.ts';

/** One attached file: the blob is in `files`, the name and caption belong to this use of it. */
export interface AttachedFile {
  sha256: string;
  name: string;
  caption: string | null;
}

/**
 * The activity ledger (台账): one row per study session, lecture, training, meeting… held by a
 * unit. Targets are computed from these rows, never entered separately. `version` guards edits.
 */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    typeId: uuid('type_id')
      .notNull()
      .references(() => activityTypes.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    place: text('place').notNull().default(''),
    venueType: text('venue_type').notNull(),
    topic: text('topic').notNull(),
    speaker: text('speaker').notNull().default(''),
    outsideCount: integer('outside_count').notNull().default(0),
    minutes: text('minutes').notNull().default(''),
    examPassMark: doublePrecision('exam_pass_mark'),
    files: jsonb('files').$type<AttachedFile[]>().notNull().default([]),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('activities_org_held_idx').on(t.orgId, t.heldOn), index('activities_held_idx').on(t.heldOn)],
);
