import { CreateScoringRuleInput, ExplainOutput, ExplainQuery, PeriodParams, RecomputeOutput, ScorePeriodListOutput, ScoringRuleListOutput, ScoringRuleVersion } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { closeScorePeriod, explainScore, listScorePeriods, recomputeScores } from './verbs/ledger.ts';
import { createScoringRule, listScoringRules } from './verbs/rules.ts';

export const scoringRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['计分规则与积分'];
  app.get('/api/scoring-rules', { schema: { tags, response: { 200: ScoringRuleListOutput } } }, (req) => listScoringRules({ ctx: req.ctx }));
  app.post('/api/scoring-rules', { schema: { tags, body: CreateScoringRuleInput, response: { 201: ScoringRuleVersion } } }, async (req, reply) =>
    reply.code(201).send(await createScoringRule({ ctx: req.ctx, input: req.body })),
  );
  app.get('/api/scoring-rules/explain', { schema: { tags, querystring: ExplainQuery, response: { 200: ExplainOutput } } }, (req) => explainScore({ ctx: req.ctx, query: req.query }));
  app.get('/api/scoring-rules/periods', { schema: { tags, response: { 200: ScorePeriodListOutput } } }, (req) => listScorePeriods({ ctx: req.ctx }));
  app.post('/api/scoring-rules/periods/:period/close', { schema: { tags, params: PeriodParams, response: { 200: ScorePeriodListOutput } } }, (req) =>
    closeScorePeriod({ ctx: req.ctx, period: req.params.period }),
  );
  app.post('/api/scoring-rules/recompute', { schema: { tags, response: { 200: RecomputeOutput } } }, (req) => recomputeScores({ ctx: req.ctx }));
};
