import {
  Activity,
  ActivityFileParams,
  ActivityIdParams,
  ActivityListOutput,
  ActivityListQuery,
  ActivityType,
  ActivityTypeListOutput,
  CreateActivityInput,
  CreateActivityTypeInput,
  OrgYearQuery,
  RosterOutput,
  RosterQuery,
  StoredEvidence,
  UpdateActivityInput,
  UpdateActivityTypeInput,
} from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { sendDocx, sendStored } from '../../core/http/index.ts';
import { createActivityType, listActivityTypes, updateActivityType } from './verbs/activity-types.ts';
import { openActivityFile, storeEvidence } from './verbs/evidence.ts';
import { getActivity, getRoster, listActivities } from './verbs/read-activities.ts';
import { createActivity, updateActivity } from './verbs/record-activity.ts';
import { buildStudyArchive } from './verbs/study-archive.ts';

export const activitiesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['活动台账'];
  app.get('/api/activity-types', { schema: { tags, response: { 200: ActivityTypeListOutput } } }, (req) => listActivityTypes({ ctx: req.ctx }));
  app.post('/api/activity-types', { schema: { tags, body: CreateActivityTypeInput, response: { 201: ActivityType } } }, async (req, reply) =>
    reply.status(201).send(await createActivityType({ ctx: req.ctx, input: req.body })),
  );
  app.patch('/api/activity-types/:id', { schema: { tags, params: z.strictObject({ id: z.uuid() }), body: UpdateActivityTypeInput, response: { 200: ActivityType } } }, (req) =>
    updateActivityType({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.get('/api/activities', { schema: { tags, querystring: ActivityListQuery, response: { 200: ActivityListOutput } } }, (req) => listActivities({ ctx: req.ctx, input: req.query }));
  app.get('/api/activities/roster', { schema: { tags, querystring: RosterQuery, response: { 200: RosterOutput } } }, (req) => getRoster({ ctx: req.ctx, orgId: req.query.orgId }));
  app.get('/api/activities/study-archive', { schema: { tags, querystring: OrgYearQuery } }, async (req, reply) => {
    const doc = await buildStudyArchive({ ctx: req.ctx, orgId: req.query.orgId, year: req.query.year });
    return sendDocx(reply, doc.body, doc.name);
  });
  app.get('/api/activities/:id', { schema: { tags, params: ActivityIdParams, response: { 200: Activity } } }, (req) => getActivity({ ctx: req.ctx, id: req.params.id }));
  app.post('/api/activities', { schema: { tags, body: CreateActivityInput, response: { 201: Activity } } }, async (req, reply) =>
    reply.status(201).send(await createActivity({ ctx: req.ctx, input: req.body })),
  );
  app.patch('/api/activities/:id', { schema: { tags, params: ActivityIdParams, body: UpdateActivityInput, response: { 200: Activity } } }, (req) =>
    updateActivity({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );
  app.get('/api/activities/:id/files/:sha256', { schema: { tags, params: ActivityFileParams } }, async (req, reply) =>
    sendStored(reply, await openActivityFile({ ctx: req.ctx, id: req.params.id, sha256: req.params.sha256 })),
  );

  // Evidence for activities and progress reports alike: upload first, attach by hash.
  app.post('/api/evidence', { schema: { tags, consumes: ['multipart/form-data'], response: { 201: StoredEvidence } } }, async (req, reply) => {
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以文件形式上传');
    const part = await req.file();
    if (!part) throw new AppError('VALIDATION', '请选择要上传的文件');
    return reply.status(201).send(await storeEvidence({ ctx: req.ctx, stream: part.file, name: part.filename }));
  });
};
