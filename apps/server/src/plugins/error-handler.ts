import { ERROR_CODES, ERROR_MESSAGES, type ErrorCode, type FieldIssue } from '@xuanlian/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '@xuanlian/db';
import { AppError } from '../core/errors.ts';
import { IdempotencyKeyTaken } from '../core/idempotency/claim.ts';
import { answerTakenKey } from './idempotency.ts';

function send(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, message: string, details?: unknown) {
  return reply.status(ERROR_CODES[code]).send({ error: { code, message, details: details ?? null, requestId: request.id } });
}

/** Seconds a client should wait before retrying while the database is away (a restart takes a few). */
export const DB_RETRY_AFTER_SECONDS = 5;

/** Fastify's own codes for transport-level problems, mapped to ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_PARTS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION',
};

/**
 * The one place errors become responses: `{ error: { code, message, details, requestId } }`,
 * messages in 中文, and never a stack trace or an internal message for a 5xx.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (err: FastifyError, request, reply) => {
    // Before AppError: a verb may wrap the driver's error, and the database being away is never the
    // request's fault. 503 + Retry-After tells clients and proxies to try again, not to report a bug.
    if (isDatabaseUnavailable(err) || (err instanceof AppError && err.code === 'DB_UNAVAILABLE')) {
      request.log.warn({ err }, 'database unavailable');
      reply.header('retry-after', String(DB_RETRY_AFTER_SECONDS));
      return send(reply, request, 'DB_UNAVAILABLE', ERROR_MESSAGES.DB_UNAVAILABLE);
    }
    if (err instanceof IdempotencyKeyTaken) {
      try {
        const replayed = await answerTakenKey(err, request, reply);
        if (replayed) return replayed;
      } catch (e) {
        if (e instanceof AppError) return send(reply, request, e.code, e.message, e.details);
        if (isDatabaseUnavailable(e)) {
          reply.header('retry-after', String(DB_RETRY_AFTER_SECONDS));
          return send(reply, request, 'DB_UNAVAILABLE', ERROR_MESSAGES.DB_UNAVAILABLE);
        }
        throw e;
      }
    }
    if (err instanceof AppError) {
      if (err.status >= 500) request.log.error({ err }, 'app error');
      return send(reply, request, err.code, err.message, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext;
      const issues: FieldIssue[] = err.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || String(where ?? ''),
        message: v.message ?? '格式不正确',
      }));
      const first = issues[0];
      const message = issues.length === 1 && first ? `${first.path ? `${first.path}：` : ''}${first.message}` : ERROR_MESSAGES.VALIDATION;
      return send(reply, request, 'VALIDATION', message, issues);
    }
    if (err.statusCode === 429) return send(reply, request, 'RATE_LIMITED', ERROR_MESSAGES.RATE_LIMITED);
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) {
      const message = mapped === 'VALIDATION' ? '请求内容不是有效的 JSON' : ERROR_MESSAGES[mapped];
      return send(reply, request, mapped, message);
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(reply, request, 'VALIDATION', '请求格式不正确');
    }
    request.log.error({ err }, 'unhandled error');
    return send(reply, request, 'INTERNAL', ERROR_MESSAGES.INTERNAL);
  });
}
