import { AssessmentOutput, AssessmentQuery, SaveAssessmentWeightsInput } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendXlsx } from '../../core/http/index.ts';
import { exportAssessmentXlsx, getAssessment, saveAssessmentWeights } from './verbs/assessments.ts';

export const assessmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['考核'];
  app.get('/api/assessments', { schema: { tags, querystring: AssessmentQuery, response: { 200: AssessmentOutput } } }, (req) => getAssessment({ ctx: req.ctx, query: req.query }));
  app.put('/api/assessments/weights', { schema: { tags, body: SaveAssessmentWeightsInput, response: { 200: AssessmentOutput } } }, (req) => saveAssessmentWeights({ ctx: req.ctx, input: req.body }));
  app.get('/api/assessments/export.xlsx', { schema: { tags, querystring: AssessmentQuery } }, async (req, reply) => {
    const { body, name } = await exportAssessmentXlsx({ ctx: req.ctx, query: req.query });
    return sendXlsx(reply, body, name);
  });
};
