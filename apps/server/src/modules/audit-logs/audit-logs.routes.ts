import { AuditLogListOutput, AuditLogQuery, AuditVerifyOutput } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportAuditLogs, listAuditLogs, verifyAuditLogs } from './audit-logs.verbs.ts';
import { sendXlsx } from '../../core/http/index.ts';

export const auditLogsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['审计日志'];
  app.get('/api/audit-logs', { schema: { tags, querystring: AuditLogQuery, response: { 200: AuditLogListOutput } } }, (req) => listAuditLogs({ ctx: req.ctx, input: req.query }));
  app.get('/api/audit-logs/export', { schema: { tags, querystring: AuditLogQuery } }, async (req, reply) => sendXlsx(reply, await exportAuditLogs({ ctx: req.ctx, input: req.query }), '审计日志'));
  app.post('/api/audit-logs/verify', { schema: { tags, response: { 200: AuditVerifyOutput } } }, (req) => verifyAuditLogs({ ctx: req.ctx }));
};
