import { CreateEndorsementInput, Endorsement, EndorsementListOutput, EndorsementListQuery } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uploadedFile } from '../../core/http/index.ts';
import { createEndorsement, listEndorsements, openScan, uploadScan } from './verbs/endorsements.ts';

const params = z.strictObject({ id: z.uuid('批示编号无效') });

export const endorsementsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['领导批示'];
  app.get('/api/endorsements', { schema: { tags, querystring: EndorsementListQuery, response: { 200: EndorsementListOutput } } }, (req) => listEndorsements({ ctx: req.ctx, ...req.query }));
  app.post('/api/endorsements', { schema: { tags, body: CreateEndorsementInput, response: { 201: Endorsement } } }, async (req, reply) =>
    reply.code(201).send(await createEndorsement({ ctx: req.ctx, input: req.body })),
  );
  app.post('/api/endorsements/:id/scan', { schema: { tags, params, consumes: ['multipart/form-data'], response: { 200: Endorsement } } }, async (req) => {
    const { fileName, bytes } = await uploadedFile(req, req.ctx.config.uploadLimitBytes, '批示扫描件');
    return uploadScan({ ctx: req.ctx, id: req.params.id, name: fileName, bytes });
  });
  app.get('/api/endorsements/:id/scan', { schema: { tags, params } }, async (req, reply) => {
    const file = await openScan({ ctx: req.ctx, id: req.params.id });
    return reply
      .header('content-type', file.mime)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', 'sandbox')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .send(file.stream);
  });
};
