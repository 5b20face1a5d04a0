import { Adoption, AdoptionListOutput, AdoptionListQuery, CreateAdoptionInput, RejectAdoptionInput } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uploadedFile } from '../../core/http/index.ts';
import { createAdoption, getAdoption, listAdoptions, openEvidence, rejectAdoption, uploadEvidence, verifyAdoption } from './verbs/adoptions.ts';

const params = z.strictObject({ id: z.uuid('用稿编号无效') });

export const adoptionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['用稿'];
  app.get('/api/adoptions', { schema: { tags, querystring: AdoptionListQuery, response: { 200: AdoptionListOutput } } }, (req) => listAdoptions({ ctx: req.ctx, query: req.query }));
  app.post('/api/adoptions', { schema: { tags, body: CreateAdoptionInput, response: { 201: Adoption } } }, async (req, reply) =>
    reply.code(201).send(await createAdoption({ ctx: req.ctx, input: req.body })),
  );
  app.get('/api/adoptions/:id', { schema: { tags, params, response: { 200: Adoption } } }, (req) => getAdoption({ ctx: req.ctx, id: req.params.id }));
  app.post('/api/adoptions/:id/verify', { schema: { tags, params, response: { 200: Adoption } } }, (req) => verifyAdoption({ ctx: req.ctx, id: req.params.id }));
  app.post('/api/adoptions/:id/reject', { schema: { tags, params, body: RejectAdoptionInput, response: { 200: Adoption } } }, (req) =>
    rejectAdoption({ ctx: req.ctx, id: req.params.id, reason: req.body.reason }),
  );
  app.post('/api/adoptions/:id/evidence', { schema: { tags, params, consumes: ['multipart/form-data'], response: { 200: Adoption } } }, async (req) => {
    const { fileName, bytes } = await uploadedFile(req, req.ctx.config.uploadLimitBytes, '用稿证明');
    return uploadEvidence({ ctx: req.ctx, id: req.params.id, name: fileName, bytes });
  });
  app.get('/api/adoptions/:id/evidence', { schema: { tags, params } }, async (req, reply) => {
    const file = await openEvidence({ ctx: req.ctx, id: req.params.id });
    return reply
      .header('content-type', file.mime)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', 'sandbox')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .send(file.stream);
  });
};
