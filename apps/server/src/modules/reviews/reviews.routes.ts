import {
  BulkApproveInput,
  BulkApproveOutput,
  CreateReviewPolicyInput,
  DecisionInput,
  Manuscript,
  OverdueQuery,
  PendingCountOutput,
  PendingReviewListOutput,
  PendingReviewQuery,
  ReviewPolicy,
  ReviewPolicyIdParams,
  ReviewPolicyListOutput,
  ReviewPolicyListQuery,
  StepIdParams,
  UpdateReviewPolicyInput,
} from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bulkApprove } from './verbs/bulk-approve.ts';
import { decideStep } from './verbs/decide.ts';
import { countPending, listOverdue, listPending } from './verbs/lists.ts';
import { createReviewPolicy, listReviewPolicies, updateReviewPolicy } from './verbs/policies.ts';

export const reviewsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['审核'];
  app.get('/api/reviews/pending', { schema: { tags, querystring: PendingReviewQuery, response: { 200: PendingReviewListOutput } } }, (req) =>
    listPending({ ctx: req.ctx, page: req.query.page, pageSize: req.query.pageSize }),
  );
  app.get('/api/reviews/pending/count', { schema: { tags, response: { 200: PendingCountOutput } } }, (req) => countPending({ ctx: req.ctx }));
  app.get('/api/reviews/overdue', { schema: { tags, querystring: OverdueQuery, response: { 200: PendingReviewListOutput } } }, (req) =>
    listOverdue({ ctx: req.ctx, orgId: req.query.orgId, page: req.query.page, pageSize: req.query.pageSize }),
  );
  app.post('/api/reviews/steps/:stepId/decisions', { schema: { tags, params: StepIdParams, body: DecisionInput, response: { 200: Manuscript } } }, (req) =>
    decideStep({ ctx: req.ctx, stepId: req.params.stepId, input: req.body }),
  );
  app.post('/api/reviews/bulk-approve', { schema: { tags, body: BulkApproveInput, response: { 200: BulkApproveOutput } } }, (req) =>
    bulkApprove({ ctx: req.ctx, stepIds: req.body.stepIds, comment: req.body.comment }),
  );
  const policyTags = ['审核策略'];
  app.get('/api/reviews/policies', { schema: { tags: policyTags, querystring: ReviewPolicyListQuery, response: { 200: ReviewPolicyListOutput } } }, async (req) => ({
    items: await listReviewPolicies({ ctx: req.ctx, purpose: req.query.purpose }),
  }));
  app.post('/api/reviews/policies', { schema: { tags: policyTags, body: CreateReviewPolicyInput, response: { 201: ReviewPolicy } } }, async (req, reply) =>
    reply.status(201).send(await createReviewPolicy({ ctx: req.ctx, input: req.body })),
  );
  app.patch('/api/reviews/policies/:id', { schema: { tags: policyTags, params: ReviewPolicyIdParams, body: UpdateReviewPolicyInput, response: { 200: ReviewPolicy } } }, (req) =>
    updateReviewPolicy({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );
};
