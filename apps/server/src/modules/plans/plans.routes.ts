import {
  AnswerUrgeInput,
  CancelTaskInput,
  CreatePlanInput,
  CreateTaskInput,
  DecideExtensionInput,
  IssueUrgeInput,
  ParsePlanInput,
  Plan,
  PlanDraft,
  PlanIdParams,
  PlanListOutput,
  PlanListQuery,
  ReportProgressInput,
  RequestExtensionInput,
  ReviewTaskInput,
  SubmitTaskInput,
  TaskDetail,
  TaskFileParams,
  TaskIdParams,
  TaskListOutput,
  TaskListQuery,
  TaskSubParams,
  UpdateTaskInput,
} from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { sendDocx, sendStored } from '../../core/http/index.ts';
import { decideExtension, requestExtension } from './verbs/extensions.ts';
import { buildPlanSummary } from './verbs/plan-summary.ts';
import { addTask, createPlan, getPlan, listPlans, parsePlan, parsePlanDocx } from './verbs/plans.ts';
import { cancelTask, reportProgress, reviewTask, submitTask } from './verbs/progress.ts';
import { getTask, listTasks, openTaskFile, updateTask } from './verbs/tasks.ts';
import { answerUrge, issueUrge, signUrge } from './verbs/urges.ts';

const DocxQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional(), part: z.coerce.number().int().min(1).max(50).optional() });

export const plansRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['工作方案'];
  app.post('/api/plans/parse', { schema: { tags, body: ParsePlanInput, response: { 200: PlanDraft } } }, (req) => parsePlan({ ctx: req.ctx, input: req.body }));
  app.post('/api/plans/parse-docx', { schema: { tags, consumes: ['multipart/form-data'], querystring: DocxQuery, response: { 200: PlanDraft } } }, async (req) => {
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以文件形式上传 .docx');
    const part = await req.file();
    if (!part) throw new AppError('VALIDATION', '请选择工作方案的 Word 文件');
    return parsePlanDocx({ ctx: req.ctx, file: await part.toBuffer(), year: req.query.year, part: req.query.part });
  });
  app.get('/api/plans', { schema: { tags, querystring: PlanListQuery, response: { 200: PlanListOutput } } }, (req) => listPlans({ ctx: req.ctx, input: req.query }));
  app.post('/api/plans', { schema: { tags, body: CreatePlanInput, response: { 201: Plan } } }, async (req, reply) => reply.status(201).send(await createPlan({ ctx: req.ctx, input: req.body })));
  app.get('/api/plans/:id', { schema: { tags, params: PlanIdParams, response: { 200: Plan } } }, (req) => getPlan({ ctx: req.ctx, id: req.params.id }));
  app.get('/api/plans/:id/summary', { schema: { tags, params: PlanIdParams } }, async (req, reply) => {
    const doc = await buildPlanSummary({ ctx: req.ctx, id: req.params.id });
    return sendDocx(reply, doc.body, doc.name);
  });
  app.post('/api/plans/:id/tasks', { schema: { tags, params: PlanIdParams, body: CreateTaskInput, response: { 201: TaskDetail } } }, async (req, reply) =>
    reply.status(201).send(await addTask({ ctx: req.ctx, planId: req.params.id, input: req.body })),
  );
};

export const tasksRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['督办'];
  const one = { tags, params: TaskIdParams, response: { 200: TaskDetail } };
  const sub = { tags, params: TaskSubParams, response: { 200: TaskDetail } };
  app.get('/api/tasks', { schema: { tags, querystring: TaskListQuery, response: { 200: TaskListOutput } } }, (req) => listTasks({ ctx: req.ctx, input: req.query }));
  app.get('/api/tasks/:id', { schema: one }, (req) => getTask({ ctx: req.ctx, id: req.params.id }));
  app.patch('/api/tasks/:id', { schema: { ...one, body: UpdateTaskInput } }, (req) => updateTask({ ctx: req.ctx, id: req.params.id, input: req.body }));
  app.post('/api/tasks/:id/reports', { schema: { ...one, body: ReportProgressInput } }, (req) => reportProgress({ ctx: req.ctx, id: req.params.id, input: req.body }));
  app.post('/api/tasks/:id/submit', { schema: { ...one, body: SubmitTaskInput } }, (req) => submitTask({ ctx: req.ctx, id: req.params.id, input: req.body }));
  app.post('/api/tasks/:id/review', { schema: { ...one, body: ReviewTaskInput } }, (req) => reviewTask({ ctx: req.ctx, id: req.params.id, input: req.body }));
  app.post('/api/tasks/:id/cancel', { schema: { ...one, body: CancelTaskInput } }, (req) => cancelTask({ ctx: req.ctx, id: req.params.id, input: req.body }));
  app.post('/api/tasks/:id/urges', { schema: { ...one, body: IssueUrgeInput } }, (req) => issueUrge({ ctx: req.ctx, id: req.params.id, input: req.body }));
  app.post('/api/tasks/:id/urges/:subId/sign', { schema: sub }, (req) => signUrge({ ctx: req.ctx, id: req.params.id, urgeId: req.params.subId }));
  app.post('/api/tasks/:id/urges/:subId/answer', { schema: { ...sub, body: AnswerUrgeInput } }, (req) =>
    answerUrge({ ctx: req.ctx, id: req.params.id, urgeId: req.params.subId, answer: req.body.answer }),
  );
  app.post('/api/tasks/:id/extensions', { schema: { ...one, body: RequestExtensionInput } }, (req) => requestExtension({ ctx: req.ctx, id: req.params.id, input: req.body }));
  app.post('/api/tasks/:id/extensions/:subId/decide', { schema: { ...sub, body: DecideExtensionInput } }, (req) =>
    decideExtension({ ctx: req.ctx, id: req.params.id, extensionId: req.params.subId, input: req.body }),
  );
  app.get('/api/tasks/:id/files/:sha256', { schema: { tags, params: TaskFileParams } }, async (req, reply) =>
    sendStored(reply, await openTaskFile({ ctx: req.ctx, id: req.params.id, sha256: req.params.sha256 })),
  );
};
