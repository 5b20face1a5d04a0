import { CoverageOutput, CoverageQuery, OrgYearQuery, SetTargetInput, TargetBoardOutput, TargetBoardQuery, TargetsOutput } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getTargets, lectureCoverage, setTarget, targetBoard } from './verbs/targets.ts';

export const targetsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['台账指标'];
  app.get('/api/targets', { schema: { tags, querystring: OrgYearQuery, response: { 200: TargetsOutput } } }, (req) => getTargets({ ctx: req.ctx, orgId: req.query.orgId, year: req.query.year }));
  app.put('/api/targets', { schema: { tags, body: SetTargetInput, response: { 200: TargetsOutput } } }, (req) => setTarget({ ctx: req.ctx, input: req.body }));
  app.get('/api/targets/board', { schema: { tags, querystring: TargetBoardQuery, response: { 200: TargetBoardOutput } } }, (req) =>
    targetBoard({ ctx: req.ctx, orgId: req.query.orgId, year: req.query.year }),
  );
  app.get('/api/targets/coverage', { schema: { tags, querystring: CoverageQuery, response: { 200: CoverageOutput } } }, (req) =>
    lectureCoverage({ ctx: req.ctx, orgId: req.query.orgId, year: req.query.year }),
  );
};
