import { createHash } from 'node:crypto';
import { IDEMPOTENCY_KEY } from '@xuanlian/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../core/context.ts';
import { AppError, validationError } from '../core/errors.ts';
import { claimInFirstTransaction, IdempotencyKeyTaken, runWithClaim, type PendingClaim } from '../core/idempotency/claim.ts';
import { findIdempotent, storeIdempotentResponse, claimIdempotent, type IdemKey } from '../core/idempotency/repo.ts';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: PendingClaim | null;
  }
  interface FastifyContextConfig {
    /**
     * The verb claims the key and stores its answer in its own transaction (`withIdempotency`),
     * which also survives a crash between commit and answer; the generic hook stays out.
     */
    idempotentInVerb?: boolean;
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Larger answers (documents) are not kept; a retry is then told the request was done. */
const MAX_STORED = 1024 * 1024;

interface StoredAnswer {
  status: number;
  contentType: string | null;
  body: string | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The request as the client sent it: parameters, query and JSON body (a multipart body is not hashed). */
function hashOf(request: FastifyRequest): string {
  return createHash('sha256')
    .update(JSON.stringify({ p: request.params ?? null, q: request.query ?? null, b: request.body ?? null }))
    .digest('hex');
}

function isAnswer(v: unknown): v is StoredAnswer {
  return Boolean(v && typeof v === 'object' && typeof (v as StoredAnswer).status === 'number');
}

/** The stored answer for a key, waiting a little while the request that claimed it is still finishing. */
async function storedAnswer(services: Services, key: IdemKey): Promise<{ requestHash: string; response: unknown } | undefined> {
  for (let i = 0; i < 100; i++) {
    const seen = await findIdempotent(services.db, key);
    if (!seen || isAnswer(seen.response)) return seen;
    await sleep(50);
  }
  return findIdempotent(services.db, key);
}

function replay(reply: FastifyReply, claim: PendingClaim, seen: { requestHash: string; response: unknown }): FastifyReply {
  claim.replayed = true;
  if (seen.requestHash !== claim.requestHash) throw new AppError('CONFLICT', '该幂等键（Idempotency-Key）已用于另一个请求，请换一个键');
  const answer = seen.response;
  if (!isAnswer(answer)) throw new AppError('CONFLICT', '相同的请求正在处理中或已经完成，请稍后刷新查看结果');
  if (answer.body === null) throw new AppError('CONFLICT', '相同的请求已经完成，请刷新查看结果');
  if (answer.contentType) reply.header('content-type', answer.contentType);
  return reply.status(answer.status).header('idempotent-replayed', 'true').send(answer.body);
}

/**
 * Idempotency-Key on every write route, for every signed-in user: the key (per user, method and
 * route) is claimed inside the request's first transaction, so it commits with the effect or not
 * at all; a repeat gets the first answer (status and body), the same key on a different request
 * is a 409, and of concurrent requests with one key exactly one has an effect.
 *
 * The answer itself is written right after the commit (it only exists once the route has shaped
 * it). Should the process die in that instant, the effect is still never repeated: a retry is told
 * the request was already done instead of getting the body.
 */
export function registerIdempotency(app: FastifyInstance, services: Services): void {
  claimInFirstTransaction(services.db);
  app.decorateRequest('idempotency', null);

  // Callback style: the claim must be the async context of the rest of the request (the handler).
  app.addHook('preValidation', (request, reply, done) => {
    const raw = request.headers['idempotency-key'];
    const userId = request.ctx?.actor.userId;
    if (raw === undefined || !WRITES.has(request.method) || !userId || request.routeOptions.config.idempotentInVerb) return done();
    const parsed = IDEMPOTENCY_KEY.safeParse(raw);
    if (!parsed.success) return done(validationError([{ path: 'idempotency-key', message: parsed.error.issues[0]?.message ?? '幂等键无效' }]));
    const claim: PendingClaim = {
      key: { userId, scope: `${request.method} ${request.routeOptions.url ?? request.url}`, key: parsed.data },
      requestHash: hashOf(request),
      claimed: false,
      replayed: false,
    };
    request.idempotency = claim;
    findIdempotent(services.db, claim.key)
      .then(async (seen) => {
        if (!seen) return runWithClaim(claim, () => done());
        const settled = isAnswer(seen.response) ? seen : await storedAnswer(services, claim.key);
        if (!settled) return runWithClaim(claim, () => done());
        replay(reply, claim, settled);
      })
      .catch((err: unknown) => done(err as Error));
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim || claim.replayed) return payload;
    const body = typeof payload === 'string' && payload.length <= MAX_STORED ? payload : null;
    const ct = reply.getHeader('content-type');
    const answer: StoredAnswer = { status: reply.statusCode, contentType: typeof ct === 'string' ? ct : null, body };
    // A 5xx is never the answer to keep: it says the outcome is unknown (the commit may have
    // happened with its acknowledgement lost), so a retry must not be told "503" forever — it
    // finds the claim without an answer and is told the request was already done.
    if (reply.statusCode >= 500) return payload;
    try {
      if (claim.claimed) {
        await storeIdempotentResponse(services.db, claim.key, answer);
      } else if (reply.statusCode < 300) {
        // A route that changed nothing in a transaction (or nothing at all): keep its answer for a repeat.
        claim.claimed = true;
        await services.db.transaction(async (tx) => {
          if (await claimIdempotent(tx, claim.key, claim.requestHash)) await storeIdempotentResponse(tx, claim.key, answer);
        });
      }
    } catch (err) {
      // The effect has committed and its answer is on its way to the client; a database that went
      // away just now only costs a retry the stored copy (it is told the request was done).
      request.log.warn({ err }, 'idempotent answer not stored');
    }
    return payload;
  });
}

/** A concurrent request with the same key committed first: answer as it did, once it has answered. */
export async function answerTakenKey(err: unknown, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (!(err instanceof IdempotencyKeyTaken) || !request.idempotency) return undefined;
  const claim = request.idempotency;
  const seen = await storedAnswer(request.ctx, claim.key);
  if (!seen) {
    claim.replayed = true;
    throw new AppError('CONFLICT', '相同的请求正在处理中，请稍后重试');
  }
  return replay(reply, claim, seen);
}
