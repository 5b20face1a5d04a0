import { CreateOrgInput, Org, OrgIdParams, OrgListOutput, UpdateOrgInput } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createOrg } from './verbs/create-org.ts';
import { listOrgsJson } from './verbs/list-orgs.ts';
import { updateOrg } from './verbs/update-org.ts';

export const orgsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['单位'];
  // A string body skips per-request serialisation; the cached JSON was checked against the schema.
  app.get('/api/orgs', { schema: { tags, response: { 200: OrgListOutput } } }, async (req, reply) =>
    reply.type('application/json; charset=utf-8').send((await listOrgsJson({ ctx: req.ctx })) as never),
  );
  app.post('/api/orgs', { schema: { tags, body: CreateOrgInput, response: { 201: Org } } }, async (req, reply) => reply.status(201).send(await createOrg({ ctx: req.ctx, input: req.body })));
  app.patch('/api/orgs/:id', { schema: { tags, params: OrgIdParams, body: UpdateOrgInput, response: { 200: Org } } }, (req) => updateOrg({ ctx: req.ctx, id: req.params.id, input: req.body }));
};
