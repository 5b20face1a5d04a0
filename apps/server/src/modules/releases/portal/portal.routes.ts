import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileMeta } from '../../../core/files/index.ts';
import { readNotificationSettings } from '../../notifications/index.ts';
import { countPublicReleases, isPublicImage, publicRelease, publicReleases } from '../releases.repo.ts';
import { renderItem, renderList, renderMissing, renderRss } from './render.ts';

const PAGE_SIZE = 20;
const HTML = 'text/html; charset=utf-8';
/** Inline styles only, no scripts, our own images: nothing on these pages runs code. */
const CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The public portal: no session, outside /api (the auth plugin leaves it anonymous). It reads
 * live releases only, so a withdrawn post disappears from the page, the feed and its images at once.
 */
export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['公开发布'];
  app.get('/portal', { schema: { tags, querystring: z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) }) } }, async (req, reply) => {
    const total = await countPublicReleases(req.ctx.db);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const p = Math.min(req.query.page, pages);
    const rows = await publicReleases(req.ctx.db, PAGE_SIZE, (p - 1) * PAGE_SIZE);
    return reply
      .header('content-type', HTML)
      .header('content-security-policy', CSP)
      .send(renderList(rows, { page: p, pages }));
  });
  app.get('/portal/releases/:id', { schema: { tags, params: z.object({ id: z.string() }) } }, async (req, reply) => {
    const id = req.params.id;
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await publicRelease(req.ctx.db, id) : undefined;
    reply.header('content-type', HTML).header('content-security-policy', CSP);
    return row ? reply.send(renderItem(row)) : reply.status(404).send(renderMissing());
  });
  app.get('/portal/rss.xml', { schema: { tags } }, async (req, reply) => {
    const rows = await publicReleases(req.ctx.db, 50);
    // Links in a feed must work from outside: the configured 系统访问地址 when there is one (behind
    // a gateway the request's own host is an internal name), else the host the reader asked.
    const { siteUrl } = await readNotificationSettings(req.ctx.db);
    const origin = siteUrl ? siteUrl.replace(/\/+$/, '') : `${req.protocol}://${req.host}`;
    return reply.header('content-type', 'application/rss+xml; charset=utf-8').send(renderRss(rows, origin));
  });
  app.get('/portal/files/:sha256', { schema: { tags, params: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }) } }, async (req, reply) => {
    const { sha256 } = req.params;
    const meta = (await isPublicImage(req.ctx.db, sha256)) ? (await fileMeta(req.ctx.db, [sha256])).get(sha256) : undefined;
    // Only pictures are ever served here, whatever else a body might have pointed at.
    if (!meta || !meta.mime.startsWith('image/')) return reply.status(404).header('content-type', HTML).send(renderMissing());
    const file = await req.ctx.files.open(sha256);
    return reply.header('content-type', meta.mime).header('x-content-type-options', 'nosniff').header('cache-control', 'public, max-age=300').send(file);
  });
};
