import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.ts';
import type { FileStoreConfig } from '../../../config/env.ts';
import { createServices } from '../../services.ts';
import { createTestApp, testConfig, type TestApp } from '../../../../test/app.ts';
import { buildManuscript, buildOrg, buildUser, docxText, loginAs } from '../../../../test/factories.ts';
import { multipartFile } from '../../../../test/ledgers.ts';
import { startS3Server, type TestS3Server } from '../../../../test/s3-server.ts';
import { PNG } from './samples.ts';

/**
 * Two instances on one database, as behind nginx: what a user uploads through one must be
 * served, and embedded in exports, by the other. With a folder per instance it is not (the
 * contrast), with one bucket it is.
 */
let s3: TestS3Server;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(() => s3.close());

async function twoInstances(fileStore: FileStoreConfig | undefined): Promise<{ a: TestApp; b: FastifyInstance; close(): Promise<void> }> {
  const a = await createTestApp(fileStore ? { fileStore } : {});
  // Its own DATA_DIR, like a second machine; the same database and the same keys.
  const config = testConfig({ ...(fileStore ? { fileStore } : {}), auditKey: a.services.config.auditKey, auditSigningKey: a.services.config.auditSigningKey });
  const services = await createServices(config, { database: a.database, log: pino({ level: 'silent' }) });
  const b = await buildApp(services);
  await b.ready();
  return {
    a,
    b,
    async close() {
      await b.close();
      await services.jobs.stop();
      rmSync(config.dataDir, { recursive: true, force: true });
      await a.close();
    },
  };
}

/** A reporter uploads a photo through instance A and puts it in the draft's body. */
async function photoThroughA(a: TestApp): Promise<{ cookie: string; id: string; sha256: string }> {
  const org = await buildOrg(a, { name: '东门社区', kind: 'community' });
  const cookie = await loginAs(a, await buildUser(a, { org, roles: [{ role: 'reporter' }] }));
  const m = await buildManuscript(a, cookie);
  const up = await a.app.inject({ method: 'POST', url: `/api/manuscripts/${m.id}/files?kind=image`, ...multipartFile(PNG, '现场照片.png', cookie) });
  expect(up.statusCode).toBe(201);
  const { sha256 } = up.json() as { sha256: string };
  const bodyHtml = `<p>居民踊跃参与。</p><figure><img src="/api/files/${sha256}"><figcaption>活动现场</figcaption></figure>`;
  const saved = await a.app.inject({ method: 'PUT', url: `/api/manuscripts/${m.id}/draft`, headers: { cookie }, payload: { revision: m.revision, bodyHtml } });
  expect(saved.statusCode).toBe(200);
  return { cookie, id: m.id, sha256 };
}

describe('two instances', () => {
  it('with one bucket: a photo uploaded through A is downloaded and exported through B', async () => {
    const { a, b, close } = await twoInstances(s3.settings());
    try {
      const { cookie, id, sha256 } = await photoThroughA(a);
      const got = await b.inject({ method: 'GET', url: `/api/files/${sha256}`, headers: { cookie } });
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toBe('image/png');
      expect(got.rawPayload.equals(PNG)).toBe(true);
      const docx = await b.inject({ method: 'GET', url: `/api/manuscripts/${id}/docx`, headers: { cookie } });
      expect(docx.statusCode).toBe(200);
      expect(await docxText(docx.rawPayload)).not.toContain('图片无法显示');
      expect(s3.writesOf(sha256)).toBe(1);
    } finally {
      await close();
    }
  });

  it('with a folder each (the default): B has no such file', async () => {
    const { a, b, close } = await twoInstances(undefined);
    try {
      const { cookie, id, sha256 } = await photoThroughA(a);
      expect((await a.app.inject({ method: 'GET', url: `/api/files/${sha256}`, headers: { cookie } })).statusCode).toBe(200);
      expect((await b.inject({ method: 'GET', url: `/api/files/${sha256}`, headers: { cookie } })).statusCode).toBe(404);
      const docx = await b.inject({ method: 'GET', url: `/api/manuscripts/${id}/docx`, headers: { cookie } });
      expect(await docxText(docx.rawPayload)).toContain('［图片无法显示］');
    } finally {
      await close();
    }
  });
});
