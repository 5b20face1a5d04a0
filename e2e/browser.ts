import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const ARTIFACTS = join(import.meta.dirname, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export const baseUrl = (): string => inject('baseUrl');

/** Debian's Chromium, started the way this closed network needs (no background connections). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Pages still open, so a failed test can leave a picture of each (see e2e/setup.ts). */
const openPages = new Set<Page>();

export async function shotOpenPages(prefix: string): Promise<void> {
  let i = 0;
  for (const page of openPages) {
    await page.screenshot({ path: join(ARTIFACTS, `${prefix}-${++i}.png`), fullPage: true, timeout: 10_000 }).catch(() => undefined);
  }
}

export async function newPage(browser: Browser, opts: { mobile?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: opts.mobile ? { width: 375, height: 812 } : { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  return { context, page };
}

/** A PNG in e2e/artifacts; `fullPage: false` for what a phone shows with a drawer open. */
export async function shot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: opts.fullPage ?? true });
}
