import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newPage, shot } from '../browser.ts';
import { confirmPopover, login, pickOption } from '../ui.ts';

const DEMO = 'Demo@2025';
const UNIT = '东门社区';
const PIECE = '东门社区“红色网格”服务品牌获评全市优秀案例';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

/** The unit's yearly points and rank as the statistics API reports them to the signed-in user. */
async function standing(page: Page): Promise<{ points: number; rank: number; piece: number; pieceLines: string[] }> {
  const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());
  const res = await page.request.get(`/api/statistics?grain=year&period=${year}`);
  expect(res.status()).toBe(200);
  const row = (await res.json()).rows.find((r: { orgName: string }) => r.orgName === UNIT);
  // The unit's explained lines for the piece: what it already earned there (a lower-level adoption
  // is replaced, not added to, under highest-level-only).
  const explained = await page.request.get(`/api/scoring-rules/explain?orgId=${row.orgId}&from=${year}-01&to=${year}-12`);
  expect(explained.status()).toBe(200);
  const lines = ((await explained.json()).lines as Array<{ manuscriptTitle: string | null; points: number; explanation: string }>).filter((l) => l.manuscriptTitle === PIECE);
  const piece = Math.round(lines.reduce((sum, l) => sum + l.points, 0) * 100) / 100;
  return { points: row.points, rank: row.rank, piece, pieceLines: lines.map((l) => l.explanation) };
}

describe('[用稿与积分] in Chromium', () => {
  it('editor records a front-page 人民日报 adoption, editor2 verifies it, the unit’s points and rank change and 积分明细 shows the line', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'editor', DEMO);
    await page.getByTestId('nav-adoptions').click();
    const before = await standing(page);

    await page.getByTestId('adoption-manuscript').click();
    await page.keyboard.type('红色网格');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: PIECE }).first().click();
    await pickOption(page, 'adoption-outlet', '人民日报');
    await page.getByTestId('adoption-front-page').check();
    await page.getByTestId('adoption-submit').click();
    await page.getByText('已登记，等待另一位编辑核实').waitFor();
    // The one who entered it cannot verify it: it is not in their queue.
    await page.getByRole('tab', { name: '待我核实' }).click();
    await page.getByTestId('adoption-queue').waitFor();
    expect(await page.getByTestId('adoption-queue').getByText(PIECE).count()).toBe(0);
    expect(await standing(page)).toEqual(before);
    await context.close();

    const second = await newPage(browser);
    await login(second.page, 'editor2', DEMO);
    await second.page.getByTestId('nav-adoptions').click();
    await second.page.getByRole('tab', { name: '待我核实' }).click();
    const row = second.page.getByTestId('adoption-queue').locator('tr', { hasText: PIECE });
    await row.waitFor();
    await row.locator('[data-testid^="adoption-verify-"]').click();
    // antd spaces two-character button labels (核 实), so the confirm is found by its kind.
    await confirmPopover(second.page);
    await second.page.getByText('已核实，积分已更新').waitFor();
    const after = await standing(second.page);
    // The front-page 人民日报 adoption is worth 40; the unit gains that less what the piece had already
    // earned at a lower level, and every point of the change is on an explained line of the piece.
    expect(after.piece).toBe(40);
    expect(after.pieceLines.join('\n')).toContain('人民日报');
    expect(Math.round((after.points - before.points) * 100) / 100).toBe(Math.round((40 - before.piece) * 100) / 100);
    expect(after.rank).toBeLessThan(before.rank);
    await shot(second.page, 'scoring-verified');

    await second.page.getByTestId('nav-scores').click();
    await second.page.getByTestId('scores-org').click();
    await second.page.keyboard.type(UNIT);
    await second.page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: UNIT }).first().click();
    const lines = second.page.getByTestId('scores-lines');
    await lines.getByText('人民日报（中央）采用').first().waitFor();
    await lines.getByText('人民日报头版/头条，按 2 倍计，加 20 分').waitFor();
    await shot(second.page, 'scoring-explain');
    await second.context.close();
  });
});
