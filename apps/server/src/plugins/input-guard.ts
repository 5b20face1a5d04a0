import type { FieldIssue } from '@xuanlian/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badText, badTextIssues, refuseBadText } from '../core/text-guard.ts';

type Part = { filename?: string; fieldname?: string; fields?: Record<string, unknown> } | undefined;

/** The file name and every form field that arrived with a multipart file. */
function partIssues(part: Part): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!part) return issues;
  const nameWhy = typeof part.filename === 'string' ? badText(part.filename) : null;
  if (nameWhy) issues.push({ path: part.fieldname ?? 'file', message: `文件名${nameWhy}` });
  for (const entry of Object.values(part.fields ?? {})) {
    for (const f of Array.isArray(entry) ? entry : [entry]) {
      const field = f as { type?: string; fieldname?: string; value?: unknown };
      if (field.type !== 'field') continue;
      badTextIssues(field.fieldname ?? '', 'field', issues);
      badTextIssues(field.value, field.fieldname ?? 'field', issues);
    }
  }
  return issues;
}

/**
 * PostgreSQL cannot store U+0000 nor an unpaired surrogate in text or jsonb, and refuses them
 * with an error that would surface as a 500. Every route is guarded here, once, before its own
 * validation: path parameters, query, headers and the parsed JSON body are walked, and the file
 * name and fields of a multipart upload are checked as the route reads them.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const issues: FieldIssue[] = [];
    badTextIssues(request.params, '', issues);
    badTextIssues(request.query, '', issues);
    badTextIssues(request.body, '', issues);
    for (const [name, value] of Object.entries(request.headers)) {
      for (const v of Array.isArray(value) ? value : [value]) {
        const why = typeof v === 'string' ? badText(v) : null;
        if (why) issues.push({ path: `headers.${name}`, message: why });
      }
    }
    refuseBadText(issues);
    if (typeof request.file === 'function' && request.isMultipart()) {
      const read = request.file.bind(request);
      request.file = (async (...args: Parameters<typeof read>) => {
        const part = await read(...args);
        refuseBadText(partIssues(part as Part));
        return part;
      }) as typeof request.file;
    }
  });
}
