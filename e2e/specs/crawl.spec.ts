import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newPage } from '../browser.ts';
import { DEMO_PASSWORD, login } from '../ui.ts';

/** One account per distinct role of the demo city (reviewer2/3 and editor2 repeat a role). */
const ACCOUNTS = ['admin', 'secadmin', 'auditor', 'editor', 'reporter', 'reviewer1', 'leader', 'monitor'];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

/** Everything on a page that says it went wrong: uncaught errors, console errors, failed API calls, error banners. */
function watch(page: Page): { problems: string[]; at: { path: string } } {
  const problems: string[] = [];
  const at = { path: '' };
  page.on('pageerror', (e) => problems.push(`${at.path}: 脚本错误 ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${at.path}: console.error ${m.text()}`);
  });
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/') && r.status() >= 400) problems.push(`${at.path}: ${r.request().method()} ${url.pathname}${url.search} → ${r.status()}`);
  });
  return { problems, at };
}

/** Loaded: the network has been quiet for a moment (pages that poll never go idle: then the spinners). */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 4000 }).catch(async () => {
    await page
      .locator('.ant-spin-spinning')
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => undefined);
  });
}

/**
 * Signs in, then opens every page of the account's menu; `check` adds what it finds wrong on each.
 * Watching starts on the signed-in home page: the login page's session probe answers 401 by design.
 */
async function walkMenu(username: string, opts: { mobile?: boolean }, check: (page: Page, where: string) => Promise<string[]>): Promise<string[]> {
  const { context, page } = await newPage(browser, opts);
  const { problems, at } = watch(page);
  await login(page, username, DEMO_PASSWORD);
  await page.getByTestId('home-greeting').waitFor();
  problems.length = 0;
  if (opts.mobile) await page.getByTestId('nav-toggle').click();
  // On a phone the menu lives in a drawer whose code loads on first open: wait for its links.
  await page.locator('a[data-testid^="nav-"]').first().waitFor();
  const paths = await page.locator('a[data-testid^="nav-"]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('href') ?? ''))].filter(Boolean));
  expect(paths.length, username).toBeGreaterThan(1);
  for (const path of paths) {
    at.path = `${username}${opts.mobile ? ' (375 px)' : ''} ${path}`;
    await page.goto(path);
    await settle(page);
    problems.push(...(await check(page, at.path)));
  }
  await context.close();
  return problems;
}

describe('[平台] every page of every role’s menu opens without a script error, a failed request or an error banner', () => {
  for (const username of ACCOUNTS) {
    it(username, async () => {
      const problems = await walkMenu(username, {}, async (page, where) => {
        const banners = await page.locator('.ant-alert-error:visible, .ant-result-error:visible, .ant-result-500:visible').allTextContents();
        return banners.map((b) => `${where}: 错误提示 ${b}`);
      });
      expect(problems).toEqual([]);
    });
  }

  // The reporter and the reviewer work from a phone: no page may make the whole screen scroll sideways.
  for (const username of ['reporter', 'reviewer1']) {
    it(`${username} on a 375 px phone`, async () => {
      const problems = await walkMenu(username, { mobile: true }, async (page, where) => {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        return width > 375 ? [`${where}: 页面宽 ${width} px，超出手机屏幕`] : [];
      });
      expect(problems).toEqual([]);
    });
  }
});
