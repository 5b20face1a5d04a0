import { SecurityPolicy, SecurityPolicyInput } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getSecurityPolicy, updateSecurityPolicy } from './security.verbs.ts';

export const securityRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['安全策略'];
  app.get('/api/security-policy', { schema: { tags, response: { 200: SecurityPolicy } } }, (req) => getSecurityPolicy({ ctx: req.ctx }));
  app.put('/api/security-policy', { schema: { tags, body: SecurityPolicyInput, response: { 200: SecurityPolicy } } }, (req) => updateSecurityPolicy({ ctx: req.ctx, input: req.body }));
};
