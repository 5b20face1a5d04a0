import { DocumentNumberListOutput, DocumentNumberListQuery, DocumentRegister, DocumentRegisterParams, UpdateDocumentRegisterInput } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listDocumentNumbers } from './verbs/list-numbers.ts';
import { getDocumentRegister, updateDocumentRegister } from './verbs/registers.ts';

export const documentNumbersRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['发文字号'];
  const one = { tags, params: DocumentRegisterParams };
  app.get('/api/document-registers/:orgId/:kind', { schema: { ...one, response: { 200: DocumentRegister } } }, (req) =>
    getDocumentRegister({ ctx: req.ctx, orgId: req.params.orgId, kind: req.params.kind }),
  );
  app.put('/api/document-registers/:orgId/:kind', { schema: { ...one, body: UpdateDocumentRegisterInput, response: { 200: DocumentRegister } } }, (req) =>
    updateDocumentRegister({ ctx: req.ctx, orgId: req.params.orgId, kind: req.params.kind, input: req.body }),
  );
  app.get('/api/document-registers/:orgId/:kind/numbers', { schema: { ...one, querystring: DocumentNumberListQuery, response: { 200: DocumentNumberListOutput } } }, async (req) => ({
    items: await listDocumentNumbers({ ctx: req.ctx, orgId: req.params.orgId, kind: req.params.kind, year: req.query.year }),
  }));
};
