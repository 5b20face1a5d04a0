import { ChangePasswordInput, ConfirmSecondFactorInput, LoginInput, LoginResult, Me, RecoveryCodes, SecondFactorEnrolment, SecondFactorLoginInput, SecondFactorStatus } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { writeAudit } from '../../core/audit/audit.ts';
import { afterCommit } from '../../core/cache.ts';
import { AppError } from '../../core/errors.ts';
import { presentMe } from './actor.ts';
import { loginRateLimit, type LoginLimits } from './login-limit.ts';
import { deleteSession } from './sessions.repo.ts';
import { SESSION_COOKIE } from './tokens.ts';
import { changePassword } from './verbs/change-password.ts';
import { login } from './verbs/login.ts';
import { completeSecondFactorLogin } from './verbs/second-factor-login.ts';
import { confirmSecondFactorEnrolment, secondFactorStatus, startSecondFactorEnrolment } from './verbs/second-factor-enrolment.ts';

export interface AuthRouteOptions {
  cookieSecure: boolean;
  loginLimits: LoginLimits;
}

export const authRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, opts) => {
  const tags = ['登录与账号'];
  // Secure whenever configured, or when the request came over HTTPS (directly or, with TRUST_PROXY,
  // as the proxy's X-Forwarded-Proto says): a cookie set over HTTPS must never travel over HTTP.
  const cookie = (req: { protocol: string }) => ({ path: '/', httpOnly: true, sameSite: 'strict' as const, secure: opts.cookieSecure || req.protocol === 'https' });
  app.post(
    '/api/auth/login',
    {
      schema: { tags, body: LoginInput, response: { 200: LoginResult } },
      preHandler: loginRateLimit(opts.loginLimits),
    },
    async (req, reply) => {
      const result = await login({ ctx: req.ctx, input: req.body, userAgent: req.headers['user-agent'] ?? null });
      // A user with a second factor gets a challenge and no cookie until the code is checked.
      if ('needSecondFactor' in result) return result;
      reply.setCookie(SESSION_COOKIE, result.token, cookie(req));
      return result.me;
    },
  );
  app.post(
    '/api/auth/login/second-factor',
    {
      schema: { tags, body: SecondFactorLoginInput, response: { 200: Me } },
      preHandler: loginRateLimit(opts.loginLimits, 'second-factor'),
    },
    async (req, reply) => {
      const { token, me } = await completeSecondFactorLogin({ ctx: req.ctx, input: req.body, userAgent: req.headers['user-agent'] ?? null });
      reply.setCookie(SESSION_COOKIE, token, cookie(req));
      return me;
    },
  );
  app.get('/api/me/second-factor', { schema: { tags, response: { 200: SecondFactorStatus } } }, (req) => secondFactorStatus({ ctx: req.ctx }));
  app.post('/api/me/second-factor/enrolment', { schema: { tags, response: { 200: SecondFactorEnrolment } } }, (req) => startSecondFactorEnrolment({ ctx: req.ctx }));
  app.post('/api/me/second-factor/enrolment/confirm', { schema: { tags, body: ConfirmSecondFactorInput, response: { 200: RecoveryCodes } } }, (req) =>
    confirmSecondFactorEnrolment({ ctx: req.ctx, code: req.body.code }),
  );
  app.post('/api/auth/logout', { schema: { tags } }, async (req, reply) => {
    if (req.sessionId) {
      const ctx = req.ctx;
      const sessionId = req.sessionId;
      await afterCommit(ctx.db, () =>
        ctx.db.transaction(async (tx) => {
          await deleteSession(tx, sessionId);
          await writeAudit(tx, ctx, { action: 'auth.logout', targetType: 'user', targetId: ctx.actor.userId, orgId: ctx.actor.orgId });
        }),
      );
    }
    reply.clearCookie(SESSION_COOKIE, cookie(req));
    return reply.status(204).send();
  });
  app.get('/api/me', { schema: { tags, response: { 200: Me } } }, (req) => {
    const actor = req.ctx.actor as typeof req.ctx.actor & { orgName?: string };
    if (!actor.userId) throw new AppError('UNAUTHORIZED');
    return presentMe({ ...actor, orgName: actor.orgName ?? '' });
  });
  app.post('/api/auth/password', { schema: { tags, body: ChangePasswordInput } }, async (req, reply) => {
    await changePassword({ ctx: req.ctx, input: req.body, keepSessionId: req.sessionId });
    return reply.status(204).send();
  });
};
