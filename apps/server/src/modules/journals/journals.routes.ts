import {
  CreateJournalInput,
  CreateJournalIssueInput,
  Journal,
  JournalIdParams,
  JournalIssue,
  JournalIssueIdParams,
  JournalIssueListOutput,
  JournalIssueListQuery,
  JournalListOutput,
  JournalListQuery,
  PublishJournalIssueInput,
  SaveJournalIssueInput,
  UpdateJournalInput,
} from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendDownload, DOCX } from '../../core/http/index.ts';
import { exportIssueDocx } from './verbs/export-issue.ts';
import { createIssue, getIssue, listIssuesFor, publishIssue, saveIssue } from './verbs/issues.ts';
import { createJournal, listJournalsFor, updateJournalEntry } from './verbs/journals.ts';

export const journalsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['刊物'];
  const issue = { tags, params: JournalIssueIdParams };

  app.get('/api/journals', { schema: { tags, querystring: JournalListQuery, response: { 200: JournalListOutput } } }, async (req) => ({
    items: await listJournalsFor({ ctx: req.ctx, orgId: req.query.orgId }),
  }));
  app.post('/api/journals', { schema: { tags, body: CreateJournalInput, response: { 201: Journal } } }, async (req, reply) =>
    reply.status(201).send(await createJournal({ ctx: req.ctx, input: req.body })),
  );
  app.patch('/api/journals/:id', { schema: { tags, params: JournalIdParams, body: UpdateJournalInput, response: { 200: Journal } } }, (req) =>
    updateJournalEntry({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );
  app.post('/api/journals/:id/issues', { schema: { tags, params: JournalIdParams, body: CreateJournalIssueInput, response: { 201: JournalIssue } } }, async (req, reply) =>
    reply.status(201).send(await createIssue({ ctx: req.ctx, journalId: req.params.id, input: req.body })),
  );

  app.get('/api/journals/issues', { schema: { tags, querystring: JournalIssueListQuery, response: { 200: JournalIssueListOutput } } }, async (req) => ({
    items: await listIssuesFor({ ctx: req.ctx, input: req.query }),
  }));
  app.get('/api/journals/issues/:id', { schema: { ...issue, response: { 200: JournalIssue } } }, (req) => getIssue({ ctx: req.ctx, id: req.params.id }));
  app.put('/api/journals/issues/:id', { schema: { ...issue, body: SaveJournalIssueInput, response: { 200: JournalIssue } } }, (req) => saveIssue({ ctx: req.ctx, id: req.params.id, input: req.body }));
  app.post('/api/journals/issues/:id/publish', { schema: { ...issue, body: PublishJournalIssueInput, response: { 200: JournalIssue } } }, (req) =>
    publishIssue({ ctx: req.ctx, id: req.params.id, version: req.body.version }),
  );
  app.get('/api/journals/issues/:id/docx', { schema: issue }, async (req, reply) => {
    const { body, fileName } = await exportIssueDocx({ ctx: req.ctx, id: req.params.id });
    return sendDownload(reply, body, fileName, DOCX);
  });
};
