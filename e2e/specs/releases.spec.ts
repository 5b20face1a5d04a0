import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../../test-support/docx-text.ts';
import { ARTIFACTS, launch, newPage, shot } from '../browser.ts';
import { confirmPopover, DEMO_PASSWORD, login, pickOption } from '../ui.ts';

const READY = '东门社区“四点半课堂”为双职工家庭解难题';
const PARKING = '东门社区“红色网格”服务品牌获评全市优秀案例';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

describe('[信息发布与刊物] in Chromium', () => {
  it('the editor releases an approved manuscript to the website; it shows on /portal and in the RSS feed', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'editor', DEMO_PASSWORD);
    await page.getByTestId('nav-releases').click();
    await page.getByTestId('release-table').getByText('东门社区开展“敬老月”走访慰问活动').first().waitFor();
    await shot(page, 'releases-01-list');

    await page.getByTestId('release-create').click();
    await pickOption(page, 'release-manuscript', READY);
    // Its 初审 → 审核 → 审批 chain is complete, so the release button opens up.
    await page.locator('.ant-modal .ant-steps').getByText('审批').waitFor();
    await pickOption(page, 'release-channel', '江城市人民政府门户网站');
    await page.getByTestId('release-url').fill('https://www.jiangcheng.gov.cn/xwzx/jcdt/sidianban.html');
    await shot(page, 'releases-02-release-modal');
    await page.getByTestId('release-submit').click();
    await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    await page.getByTestId('release-table').getByText(READY).waitFor();

    // A manuscript whose release chain has not run cannot be released yet.
    await page.getByTestId('release-create').click();
    await pickOption(page, 'release-manuscript', PARKING);
    await page.getByTestId('release-request-review').waitFor();
    expect(await page.getByTestId('release-submit').isDisabled()).toBe(true);
    await shot(page, 'releases-03-chain-needed');
    await page.keyboard.press('Escape');
    await context.close();

    // The public portal needs no session.
    const visitor = await newPage(browser, { mobile: true });
    await visitor.page.goto('/portal');
    await visitor.page.getByRole('link', { name: READY }).waitFor();
    // 敬老月 went out on two channels and is shown once.
    expect(await visitor.page.locator('article').count()).toBe(3);
    await shot(visitor.page, 'releases-04-portal-mobile');
    const rss = await visitor.page.request.get('/portal/rss.xml');
    expect(rss.headers()['content-type']).toContain('application/rss+xml');
    const feed = await rss.text();
    expect(feed).toContain(`<title>${READY}</title>`);
    expect(feed.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    await visitor.context.close();
  });

  it('the editor composes an issue of two approved manuscripts, publishes it and downloads the .docx', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'editor', DEMO_PASSWORD);
    await page.getByTestId('nav-journals').click();
    await page.getByTestId('issue-table').getByText('政务信息').first().waitFor();
    await page.getByTestId('issue-create').click();
    await pickOption(page, 'issue-journal', '《政务信息》');
    await page.getByTestId('issue-create-submit').click();
    // Creating takes the year's next number under a row lock; on a loaded machine that can pass 15 s.
    await page.waitForURL(/\/journals\/issues\/[0-9a-f-]{36}$/, { timeout: 45_000 });

    await pickOption(page, 'issue-add', PARKING, { resets: true });
    await page.getByTestId('issue-item-0').getByText(PARKING).waitFor();
    await pickOption(page, 'issue-add', READY, { resets: true });
    await page.getByTestId('issue-item-1').getByText(READY).waitFor();
    // Put the second first.
    await page.getByTestId('issue-up-1').click();
    await page.getByTestId('issue-item-0').getByText(READY).waitFor();

    // The journal's own title for the parking piece; the manuscript keeps its own.
    await page.getByTestId('issue-edit-1').click();
    await page.getByTestId('copy-title').fill('“红色网格”让服务更贴心');
    await page.getByTestId('copy-save').click();
    await page.getByTestId('issue-item-1').getByText('“红色网格”让服务更贴心').waitFor();

    for (const [testId, unit] of [
      ['dist-report', '市委办公室'],
      ['dist-send', '市直各单位'],
      ['dist-issue', '各街道党工委'],
    ] as const) {
      await page.getByTestId(testId).click();
      await page.keyboard.type(unit);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
    }
    await page.getByTestId('dist-save').click();
    await page.getByText('已保存报送范围').waitFor();
    await shot(page, 'releases-05-issue-compose');

    await page.getByTestId('issue-publish').click();
    await confirmPopover(page);
    await page.getByText('已出刊', { exact: true }).first().waitFor();
    await shot(page, 'releases-06-issue-published');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('issue-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/^《政务信息》\d{4}年第\d+期\.docx$/);
    const file = join(ARTIFACTS, 'releases-issue.docx');
    await download.saveAs(file);
    const text = docxText(readFileSync(file));
    const order = ['政务信息', '期', READY, '“红色网格”让服务更贴心', '报：市委办公室。', '送：市直各单位。', '发：各街道党工委。'];
    let at = -1;
    for (const piece of order) {
      const next = text.indexOf(piece, at + 1);
      expect(next, piece).toBeGreaterThan(at);
      at = next;
    }
    expect(text).not.toContain(PARKING);
    await context.close();
  });

  it('the release page works on a phone', async () => {
    const { context, page } = await newPage(browser, { mobile: true });
    await login(page, 'editor', DEMO_PASSWORD);
    await page.getByTestId('nav-toggle').click();
    await page.getByTestId('nav-releases').click();
    await page.getByTestId('release-table').waitFor();
    await page.getByRole('tab', { name: '定期清理' }).click();
    await page.getByTestId('sweep-table').getByText('东门社区组织开展高层住宅消防安全应急演练').waitFor();
    await shot(page, 'releases-07-sweep-mobile');
    await page.getByTestId('nav-toggle').click();
    await page.getByTestId('nav-journals').click();
    await page.getByTestId('issue-table').getByRole('link').first().click();
    await page.getByTestId('issue-item-0').waitFor();
    await shot(page, 'releases-08-issue-mobile');
    await context.close();
  });
});
