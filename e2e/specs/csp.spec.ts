import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newPage } from '../browser.ts';
import { DEMO_PASSWORD, login } from '../ui.ts';

/**
 * The built web app, Swagger UI and the portal under the Content-Security-Policy the server sends:
 * not one violation reported by Chromium while they load and render (a refused script would leave
 * a blank page; a refused style, an unstyled one).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

/** Violations seen by the page (console and the securitypolicyviolation event). */
function watch(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text());
  });
  page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`));
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load (CSP ${e.violatedDirective}): ${e.blockedURI}`));
  });
  return seen;
}

describe('[Security] the pages work under the CSP', () => {
  it('the web app logs in and renders its pages with no CSP violation', async () => {
    const { page, context } = await newPage(browser);
    const seen = watch(page);
    const res = await page.goto('/login');
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await login(page, 'editor', DEMO_PASSWORD);
    await page.getByTestId('nav-home').waitFor();
    for (const path of ['/manuscripts', '/activities', '/plans']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
    }
    expect(await page.locator('#root').innerHTML()).not.toBe('');
    expect(seen).toEqual([]);
    await context.close();
  });

  it('Swagger UI at /api/docs and the portal render with no CSP violation', async () => {
    const { page, context } = await newPage(browser);
    const seen = watch(page);
    await page.goto('/api/docs');
    await page.locator('.swagger-ui .info').waitFor();
    await page.goto('/portal');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('header h1').innerText()).toContain('信息公开发布');
    expect(seen).toEqual([]);
    await context.close();
  });
});
