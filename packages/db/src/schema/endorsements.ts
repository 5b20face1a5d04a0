import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { manuscripts } from './manuscripts.ts';
import { orgs } from './orgs.ts';
import { users } from './users.ts';

/** 领导批示 on a manuscript; scores by the leader's level. */
export const endorsements = pgTable(
  'endorsements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    manuscriptId: uuid('manuscript_id')
      .notNull()
      .references(() => manuscripts.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    leaderLevel: text('leader_level').notNull(),
    leaderName: text('leader_name').notNull(),
    endorsedOn: date('endorsed_on').notNull(),
    text: text('text').notNull().default(''),
    scanSha256: text('scan_sha256'),
    scanName: text('scan_name'),
    enteredBy: uuid('entered_by').references(() => users.id),
    enteredByName: text('entered_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('endorsements_org_date_idx').on(t.orgId, t.endorsedOn), index('endorsements_manuscript_idx').on(t.manuscriptId)],
);
