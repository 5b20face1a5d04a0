import {
  Commission,
  CommissionIdParams,
  CommissionListOutput,
  CommissionListQuery,
  CreateCommissionInput,
  GenreParams,
  MissedCommissionsOutput,
  MissedCommissionsQuery,
  SubmissionRule,
  SubmissionRuleListOutput,
  SubmissionRuleQuery,
  UpdateCommissionInput,
  UpdateSubmissionRuleInput,
  UrgentChain,
  UrgentChainParams,
  UrgentListOutput,
  UrgentListQuery,
} from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createCommission, getCommission, listCommissionsFor, missedCommissions, setCommissionStatus } from './verbs/commissions.ts';
import { listRules, updateRule } from './verbs/rules.ts';
import { getUrgentChain, listUrgentChains } from './verbs/urgent.ts';

/** 约稿, submission rules and the urgent lane: the manuscript flow's configuration and side lanes. */
export const commissionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['约稿'];
  app.get('/api/commissions', { schema: { tags, querystring: CommissionListQuery, response: { 200: CommissionListOutput } } }, (req) => listCommissionsFor({ ctx: req.ctx, input: req.query }));
  app.get('/api/commissions/missed', { schema: { tags, querystring: MissedCommissionsQuery, response: { 200: MissedCommissionsOutput } } }, (req) =>
    missedCommissions({ ctx: req.ctx, orgId: req.query.orgId }),
  );
  app.post('/api/commissions', { schema: { tags, body: CreateCommissionInput, response: { 201: Commission } } }, async (req, reply) =>
    reply.status(201).send(await createCommission({ ctx: req.ctx, input: req.body })),
  );
  app.get('/api/commissions/:id', { schema: { tags, params: CommissionIdParams, response: { 200: Commission } } }, (req) => getCommission({ ctx: req.ctx, id: req.params.id }));
  app.patch('/api/commissions/:id', { schema: { tags, params: CommissionIdParams, body: UpdateCommissionInput, response: { 200: Commission } } }, (req) =>
    setCommissionStatus({ ctx: req.ctx, id: req.params.id, status: req.body.status }),
  );

  const ruleTags = ['报送规则'];
  app.get('/api/manuscripts/rules', { schema: { tags: ruleTags, querystring: SubmissionRuleQuery, response: { 200: SubmissionRuleListOutput } } }, async (req) => ({
    items: await listRules({ ctx: req.ctx, orgId: req.query.orgId }),
  }));
  app.put('/api/manuscripts/rules/:genre', { schema: { tags: ruleTags, params: GenreParams, body: UpdateSubmissionRuleInput, response: { 200: SubmissionRule } } }, (req) =>
    updateRule({ ctx: req.ctx, genre: req.params.genre, input: req.body }),
  );

  app.get('/api/manuscripts/urgent', { schema: { tags: ['突发事件'], querystring: UrgentListQuery, response: { 200: UrgentListOutput } } }, async (req) => ({
    items: await listUrgentChains({ ctx: req.ctx, openOnly: req.query.open !== 'false' }),
  }));
  app.get('/api/manuscripts/urgent/:chainId', { schema: { tags: ['突发事件'], params: UrgentChainParams, response: { 200: UrgentChain } } }, (req) =>
    getUrgentChain({ ctx: req.ctx, chainId: req.params.chainId }),
  );
};
