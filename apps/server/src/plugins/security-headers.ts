import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The web app is a Vite build: scripts only from our origin, never inline. antd writes its styles
 * at run time (CSS-in-JS <style> tags and style attributes), hence style-src 'unsafe-inline'; the
 * portal's server-rendered pages use one <style> block and no script at all. Images may be
 * data:/blob: URLs (previews, icons). Nothing may frame us.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Swagger UI (/api/docs) loads only its own files too, but paints images from data: URLs and styles inline. */
export const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

const FIXED: Record<string, string> = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'cross-origin-opener-policy': 'same-origin',
};

/** Adds what the route did not set itself (a stored file keeps its sandbox, the portal its stricter policy). */
export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  if (!reply.hasHeader('content-security-policy')) {
    reply.header('content-security-policy', request.url.startsWith('/api/docs') ? DOCS_CSP : APP_CSP);
  }
  for (const [name, value] of Object.entries(FIXED)) if (!reply.hasHeader(name)) reply.header(name, value);
  // Only over HTTPS (directly, or through a trusted proxy): on plain HTTP the header is ignored anyway.
  if (request.protocol === 'https' && !reply.hasHeader('strict-transport-security')) reply.header('strict-transport-security', 'max-age=31536000');
}

/** Every response, whatever produced it (the router's own errors call applySecurityHeaders directly). */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    applySecurityHeaders(request, reply);
    return payload;
  });
}
