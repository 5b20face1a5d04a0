import { CreateOutletInput, Outlet, OutletListOutput, OutletListQuery, UpdateOutletInput } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createOutlet, listOutlets, updateOutlet } from './verbs/outlets.ts';

const params = z.strictObject({ id: z.uuid('媒体编号无效') });

export const outletsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['媒体库'];
  app.get('/api/outlets', { schema: { tags, querystring: OutletListQuery, response: { 200: OutletListOutput } } }, (req) => listOutlets({ ctx: req.ctx, ...req.query }));
  app.post('/api/outlets', { schema: { tags, body: CreateOutletInput, response: { 201: Outlet } } }, async (req, reply) => reply.code(201).send(await createOutlet({ ctx: req.ctx, input: req.body })));
  app.patch('/api/outlets/:id', { schema: { tags, params, body: UpdateOutletInput, response: { 200: Outlet } } }, (req) => updateOutlet({ ctx: req.ctx, id: req.params.id, input: req.body }));
};
