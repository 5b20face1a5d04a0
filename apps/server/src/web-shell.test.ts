import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';

let t: TestApp;
const dist = mkdtempSync(join(tmpdir(), 'xl-web-'));

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/index-new.js"></script>');
  writeFileSync(join(dist, 'assets', 'index-new.js'), 'console.log(1)');
  t = await createTestApp({ webDist: dist });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('[平台] the web shell', () => {
  it('serves the app for client routes and its files as they are', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/manuscripts/123' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('id="root"');
    const js = await t.app.inject({ method: 'GET', url: '/assets/index-new.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toContain('javascript');
  });

  it('answers 404 for a file of an older build, so an open tab is told to refresh instead of running HTML as a script', async () => {
    const old = await t.app.inject({ method: 'GET', url: '/assets/index-old.js' });
    expect(old.statusCode).toBe(404);
    expect(old.headers['content-type']).not.toContain('text/html');
    expect(old.json().error.message).toBe('文件不存在');
  });
});
