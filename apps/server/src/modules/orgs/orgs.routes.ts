import { CreateOrgInput, Org, OrgIdParams, OrgListOutput, UpdateOrgInput } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createOrg } from './verbs/create-org.ts';
import { listOrgs } from './verbs/list-orgs.ts';
import { updateOrg } from './verbs/update-org.ts';

export const orgsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['单位'];
  app.get('/api/orgs', { schema: { tags, response: { 200: OrgListOutput } } }, async (req) => ({
    items: await listOrgs({ ctx: req.ctx }),
  }));
  app.post('/api/orgs', { schema: { tags, body: CreateOrgInput, response: { 201: Org } } }, async (req, reply) =>
    reply.status(201).send(await createOrg({ ctx: req.ctx, input: req.body })),
  );
  app.patch('/api/orgs/:id', { schema: { tags, params: OrgIdParams, body: UpdateOrgInput, response: { 200: Org } } }, (req) =>
    updateOrg({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );
};
