import type { LoginInput } from '@xuanlian/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { hitRateLimits } from '../../core/rate-limit.ts';

export interface LoginLimits {
  /** Attempts per minute from one client address. */
  perAddress: number;
  /** Attempts per minute at one username, from any number of addresses. */
  perUsername: number;
}

/**
 * Counts a login attempt against the per-address and per-username limits before any password is
 * verified. The counts live in the database, so instances behind the proxy share them; past a
 * limit the answer is 429 with Retry-After. The account lockout is separate (and stricter for
 * wrong passwords); these limits stop a spray across many accounts and a flood at one.
 */
export function loginRateLimit(limits: LoginLimits, step: 'password' | 'second-factor' = 'password') {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const body = req.body as Partial<LoginInput>;
    // The second step names no user (it carries the challenge token): it is counted per address,
    // on its own counter so that a code typed twice does not use up the password step's allowance.
    // The address is counted first and alone: an attempt it turns away never reaches the username's
    // counter, so one flooding address cannot lock every account it names out for the minute.
    let verdict = await hitRateLimits(req.ctx.db, [{ key: `${step === 'password' ? 'login' : 'login2'}:ip:${req.ip}`, max: limits.perAddress }]);
    if (!verdict.limited && step === 'password') {
      verdict = await hitRateLimits(req.ctx.db, [{ key: `login:user:${body.username ?? ''}`, max: limits.perUsername }]);
    }
    if (!verdict.limited) return;
    reply.header('retry-after', String(verdict.retryAfterSeconds));
    throw new AppError('RATE_LIMITED', `登录尝试过于频繁，请 ${verdict.retryAfterSeconds} 秒后再试`, {
      retryAfterSeconds: verdict.retryAfterSeconds,
    });
  };
}
