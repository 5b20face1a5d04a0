import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Ctx, Services } from '../core/context.ts';
import { SYSTEM_ACTOR } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import { resolveSession } from '../modules/auth/verbs/resolve-session.ts';
import { SESSION_COOKIE } from '../modules/auth/tokens.ts';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
    sessionId: string | null;
  }
}

const PUBLIC = new Set(['/api/auth/login', '/api/auth/login/second-factor', '/api/health', '/api/ready']);
/** Reachable while a password change is pending, so the user can do just that. */
const DURING_PASSWORD_CHANGE = new Set(['/api/me', '/api/auth/logout', '/api/auth/password']);
/** Reachable while the policy forces a second-factor enrolment (after the password, before anything else). */
const DURING_ENROLMENT = new Set(['/api/me', '/api/auth/logout', '/api/me/second-factor', '/api/me/second-factor/enrolment', '/api/me/second-factor/enrolment/confirm']);

function isApi(url: string): boolean {
  return url === '/api' || url.startsWith('/api/');
}

/**
 * Turns the session cookie into the request's actor before any route runs. Also refuses
 * cross-site writes: a state-changing request whose Origin is another host, or `null`, is rejected.
 */
export function registerAuth(app: FastifyInstance, services: Services): void {
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const path = request.url.split('?')[0] ?? '';
    const ip = request.ip;
    request.ctx = { ...services, actor: { ...SYSTEM_ACTOR, type: 'user', username: 'anonymous', name: '匿名' }, requestId: request.id, ip };
    if (!isApi(path) || path.startsWith('/api/docs')) return;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const origin = request.headers.origin;
      // `Origin: null` comes from sandboxed frames, data: URLs and some redirects — never from our pages.
      if (origin === 'null') throw new AppError('FORBIDDEN', '拒绝跨站请求');
      if (origin) {
        let host: string | undefined;
        try {
          host = new URL(origin).host;
        } catch {
          host = undefined;
        }
        if (host !== request.headers.host) throw new AppError('FORBIDDEN', '拒绝跨站请求');
      }
    }
    if (PUBLIC.has(path)) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('UNAUTHORIZED');
    const actor = await resolveSession(services, token);
    request.sessionId = actor.sessionId;
    request.ctx = { ...services, actor, requestId: request.id, ip };
    if (actor.mustChangePassword && !DURING_PASSWORD_CHANGE.has(path)) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (actor.mustEnrolSecondFactor && !DURING_ENROLMENT.has(path)) throw new AppError('SECOND_FACTOR_ENROLMENT_REQUIRED');
  });
}
