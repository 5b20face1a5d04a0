import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs.ts';

/**
 * 舆情事件. The current stage, its owner and deadline live on the row so that a transition is
 * one conditional UPDATE (… WHERE stage = expected) and overdue ones are one indexed query.
 */
export const opinionIncidents = pgTable(
  'opinion_incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    title: text('title').notNull(),
    grade: text('grade').notNull(),
    stage: text('stage').notNull(),
    stageOwnerOrgId: uuid('stage_owner_org_id')
      .notNull()
      .references(() => orgs.id),
    stageDeadline: timestamp('stage_deadline', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    mentionId: uuid('mention_id'),
    clusterId: uuid('cluster_id'),
    topicId: uuid('topic_id'),
    responseText: text('response_text'),
    responseUrl: text('response_url'),
    responseAt: timestamp('response_at', { withTimezone: true }),
    summary: text('summary'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('opinion_incidents_org_idx').on(t.orgId, t.createdAt), index('opinion_incidents_due_idx').on(t.stage, t.stageDeadline)],
);

/** Each stage an incident passed through, with its owner unit and deadline. */
export const opinionIncidentStages = pgTable(
  'opinion_incident_stages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => opinionIncidents.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    ownerOrgId: uuid('owner_org_id')
      .notNull()
      .references(() => orgs.id),
    deadline: timestamp('deadline', { withTimezone: true }),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp('left_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
  },
  (t) => [index('opinion_incident_stages_incident_idx').on(t.incidentId, t.id)],
);

/** The timeline: every action on an incident, in order. */
export const opinionIncidentEvents = pgTable(
  'opinion_incident_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => opinionIncidents.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    kind: text('kind').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage'),
    note: text('note'),
    data: jsonb('data'),
  },
  (t) => [index('opinion_incident_events_incident_idx').on(t.incidentId, t.id)],
);
