import {
  CreateIncidentInput,
  GradeIncidentInput,
  Incident,
  IncidentIdParams,
  IncidentListOutput,
  IncidentListQuery,
  IncidentNoteInput,
  IncidentTimelineOutput,
  TransitionIncidentInput,
} from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createIncident } from './verbs/create-incident.ts';
import { getIncident } from './verbs/get-incident.ts';
import { gradeIncident } from './verbs/grade-incident.ts';
import { incidentTimeline } from './verbs/incident-timeline.ts';
import { listIncidents } from './verbs/list-incidents.ts';
import { noteIncident } from './verbs/note-incident.ts';
import { transitionIncident } from './verbs/transition-incident.ts';

export const incidentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['舆情事件'];
  const byId = { tags, params: IncidentIdParams };
  app.get('/api/incidents', { schema: { tags, querystring: IncidentListQuery, response: { 200: IncidentListOutput } } }, (req) => listIncidents({ ctx: req.ctx, input: req.query }));
  app.post('/api/incidents', { schema: { tags, body: CreateIncidentInput, response: { 201: Incident } } }, async (req, reply) =>
    reply.status(201).send(await createIncident({ ctx: req.ctx, input: req.body })),
  );
  app.get('/api/incidents/:id', { schema: { ...byId, response: { 200: Incident } } }, (req) => getIncident({ ctx: req.ctx, id: req.params.id }));
  app.post(
    '/api/incidents/:id/transitions',
    { schema: { ...byId, description: '环节流转；from 为用户看到的当前环节，已被他人流转时返回 409', body: TransitionIncidentInput, response: { 200: Incident } } },
    (req) => transitionIncident({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );
  app.post('/api/incidents/:id/grade', { schema: { ...byId, body: GradeIncidentInput, response: { 200: Incident } } }, (req) => gradeIncident({ ctx: req.ctx, id: req.params.id, input: req.body }));
  app.get('/api/incidents/:id/timeline', { schema: { ...byId, response: { 200: IncidentTimelineOutput } } }, async (req) => ({
    items: await incidentTimeline({ ctx: req.ctx, id: req.params.id }),
  }));
  app.post('/api/incidents/:id/notes', { schema: { ...byId, body: IncidentNoteInput, response: { 200: IncidentTimelineOutput } } }, async (req) => ({
    items: await noteIncident({ ctx: req.ctx, id: req.params.id, note: req.body.note }),
  }));
};
