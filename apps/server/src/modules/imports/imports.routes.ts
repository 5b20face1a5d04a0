import { ImportResult } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.ts';
import { sendXlsx } from '../../core/http/index.ts';
import { requirePermission } from '../../core/scope.ts';
import { importPeople } from './import-people.ts';
import { buildImportTemplate } from './template.ts';

export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['导入'];
  app.get('/api/imports/template', { schema: { tags } }, async (req, reply) => {
    requirePermission(req.ctx.actor, 'user.manage');
    return sendXlsx(reply, await buildImportTemplate(), '单位和用户导入模板');
  });
  app.post('/api/imports', { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ImportResult } } }, async (req) => {
    requirePermission(req.ctx.actor, 'user.manage');
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以文件形式上传 .xlsx');
    const part = await req.file();
    if (!part) throw new AppError('VALIDATION', '请选择要导入的 .xlsx 文件');
    const buf = await part.toBuffer();
    return importPeople({ ctx: req.ctx, file: buf });
  });
};
