import {
  AuthorCandidateListOutput,
  AuthorCandidateQuery,
  CheckResult,
  CreateManuscriptInput,
  FileParams,
  IDEMPOTENCY_KEY,
  Manuscript,
  ManuscriptIdParams,
  ManuscriptListOutput,
  ManuscriptListQuery,
  ManuscriptVersionDetail,
  ManuscriptVersionListOutput,
  ReviewStepListOutput,
  SaveDraftInput,
  SaveDraftOutput,
  SubmitManuscriptInput,
  UploadedFile,
  UploadFileQuery,
  VersionDiff,
  VersionDiffQuery,
  VersionParams,
  WithdrawManuscriptInput,
} from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DOCX, sendDownload, sendXlsx, uploadedFile } from '../../core/http/index.ts';
import { listAuthorCandidates } from './verbs/author-candidates.ts';
import { checkManuscriptById } from './verbs/check-manuscript.ts';
import { createManuscript } from './verbs/create-manuscript.ts';
import { exportManuscriptDocx } from './verbs/export-docx.ts';
import { exportManuscriptsXlsx } from './verbs/export-xlsx.ts';
import { openFile, uploadFile } from './verbs/files.ts';
import { getManuscript, listManuscriptSteps } from './verbs/get-manuscript.ts';
import { importManuscript } from './verbs/import-manuscript.ts';
import { listManuscriptsFor } from './verbs/list-manuscripts.ts';
import { saveDraft } from './verbs/save-draft.ts';
import { signoffSheet } from './verbs/signoff-sheet.ts';
import { submitManuscript } from './verbs/submit-manuscript.ts';
import { diffVersions, getVersion, listVersions } from './verbs/versions.ts';
import { withdrawManuscript } from './verbs/withdraw-manuscript.ts';

const IdempotencyHeaders = z.object({ 'idempotency-key': IDEMPOTENCY_KEY.optional() });
const ImportQuery = z.strictObject({ orgId: z.uuid('报送单位无效').optional() });

export const manuscriptsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['稿件'];
  const byId = { tags, params: ManuscriptIdParams };

  app.get('/api/manuscripts', { schema: { tags, querystring: ManuscriptListQuery, response: { 200: ManuscriptListOutput } } }, (req) => listManuscriptsFor({ ctx: req.ctx, input: req.query }));
  app.get('/api/manuscripts/export.xlsx', { schema: { tags, querystring: ManuscriptListQuery } }, async (req, reply) =>
    sendXlsx(reply, await exportManuscriptsXlsx({ ctx: req.ctx, input: req.query }), '稿件列表'),
  );
  app.get('/api/manuscripts/author-candidates', { schema: { tags, querystring: AuthorCandidateQuery, response: { 200: AuthorCandidateListOutput } } }, async (req) => ({
    items: await listAuthorCandidates({ ctx: req.ctx, input: req.query }),
  }));
  app.post('/api/manuscripts', { schema: { tags, body: CreateManuscriptInput, response: { 201: Manuscript } } }, async (req, reply) =>
    reply.status(201).send(await createManuscript({ ctx: req.ctx, input: req.body })),
  );
  app.post('/api/manuscripts/import', { schema: { tags, consumes: ['multipart/form-data'], querystring: ImportQuery, response: { 201: Manuscript } } }, async (req, reply) => {
    const { fileName, bytes } = await uploadedFile(req, req.ctx.config.uploadLimitBytes, ' Word 文档（.docx）');
    return reply.status(201).send(await importManuscript({ ctx: req.ctx, fileName, bytes, orgId: req.query.orgId }));
  });

  app.get('/api/manuscripts/:id', { schema: { ...byId, response: { 200: Manuscript } } }, (req) => getManuscript({ ctx: req.ctx, id: req.params.id }));
  app.put('/api/manuscripts/:id/draft', { schema: { ...byId, body: SaveDraftInput, response: { 200: SaveDraftOutput } } }, (req) => saveDraft({ ctx: req.ctx, id: req.params.id, input: req.body }));
  app.post('/api/manuscripts/:id/check', { schema: { ...byId, response: { 200: CheckResult } } }, (req) => checkManuscriptById({ ctx: req.ctx, id: req.params.id }));
  app.post(
    '/api/manuscripts/:id/submit',
    { schema: { ...byId, headers: IdempotencyHeaders, body: SubmitManuscriptInput.optional(), response: { 200: Manuscript } }, config: { idempotentInVerb: true } },
    (req) => submitManuscript({ ctx: req.ctx, id: req.params.id, input: req.body ?? {}, idempotencyKey: req.headers['idempotency-key'] }),
  );
  app.post('/api/manuscripts/:id/withdraw', { schema: { ...byId, body: WithdrawManuscriptInput.optional(), response: { 200: Manuscript } } }, (req) =>
    withdrawManuscript({ ctx: req.ctx, id: req.params.id, reason: req.body?.reason }),
  );

  app.get('/api/manuscripts/:id/versions', { schema: { ...byId, response: { 200: ManuscriptVersionListOutput } } }, async (req) => ({
    items: await listVersions({ ctx: req.ctx, id: req.params.id }),
  }));
  app.get('/api/manuscripts/:id/versions/diff', { schema: { ...byId, querystring: VersionDiffQuery, response: { 200: VersionDiff } } }, (req) =>
    diffVersions({ ctx: req.ctx, id: req.params.id, from: req.query.from, to: req.query.to }),
  );
  app.get('/api/manuscripts/:id/versions/:version', { schema: { tags, params: VersionParams, response: { 200: ManuscriptVersionDetail } } }, (req) =>
    getVersion({ ctx: req.ctx, id: req.params.id, version: req.params.version }),
  );

  app.post('/api/manuscripts/:id/files', { schema: { ...byId, consumes: ['multipart/form-data'], querystring: UploadFileQuery, response: { 201: UploadedFile } } }, async (req, reply) => {
    const { fileName, bytes } = await uploadedFile(req, req.ctx.config.uploadLimitBytes, '文件');
    return reply.status(201).send(await uploadFile({ ctx: req.ctx, id: req.params.id, kind: req.query.kind, name: fileName, bytes }));
  });
  app.get('/api/manuscripts/:id/docx', { schema: byId }, async (req, reply) => {
    const { body, fileName } = await exportManuscriptDocx({ ctx: req.ctx, id: req.params.id });
    return sendDownload(reply, body, fileName, DOCX);
  });

  // The review as the manuscript carries it (tagged 审核 like the rest of the approval engine's routes).
  const reviewTags = ['审核'];
  app.get('/api/manuscripts/:id/steps', { schema: { tags: reviewTags, params: ManuscriptIdParams, response: { 200: ReviewStepListOutput } } }, async (req) => ({
    items: await listManuscriptSteps({ ctx: req.ctx, id: req.params.id }),
  }));
  app.get('/api/manuscripts/:id/signoff.docx', { schema: { tags: reviewTags, params: ManuscriptIdParams } }, async (req, reply) => {
    const { body, fileName } = await signoffSheet({ ctx: req.ctx, manuscriptId: req.params.id });
    return sendDownload(reply, body, fileName, DOCX);
  });

  app.get('/api/files/:sha256', { schema: { tags: ['文件'], params: FileParams } }, async (req, reply) => {
    const file = await openFile({ ctx: req.ctx, sha256: req.params.sha256 });
    const inline = file.mime.startsWith('image/');
    return reply
      .header('content-type', file.mime)
      .header('content-length', String(file.size))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', 'sandbox')
      .header('cache-control', 'private, max-age=31536000, immutable')
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name || req.params.sha256)}`)
      .send(file.stream);
  });
};
