import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxPart, docxTable, docxText } from '../../test-support/docx-text.ts';
import { ARTIFACTS, launch, newPage, shot } from '../browser.ts';
import { confirmPopover, DEMO_PASSWORD, login, pickOption, pickTreeNode } from '../ui.ts';

const OFFICE = '中共江城市委';
const UNIT = '东门社区';
const REASON = '本单位10月在《江城日报》的一篇用稿未计入，请核实';
const ANSWER = '经核实，该用稿尚未登记核实，核实后计入下期通报。';

// The current quarter in Beijing time, as the draft dialog offers it.
const cn = new Date(Date.now() + 8 * 3600_000);
const YEAR = cn.getUTCFullYear();
const Q = Math.floor(cn.getUTCMonth() / 3) + 1;
const PERIOD = `${YEAR}-Q${Q}`;
const PERIOD_LABEL = `${YEAR}年第${'一二三四'[Q - 1]}季度`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

describe('[通报] in Chromium', () => {
  it('the quarterly bulletin is drafted and opened for appeal; a unit appeals; the editor answers, closes the window and finalises; the .docx is a 公文 matching the statistics', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'editor', DEMO_PASSWORD);
    await page.getByTestId('nav-bulletins').click();
    await page.getByTestId('bulletin-create').click();
    await pickTreeNode(page, 'bulletin-org', OFFICE);
    await pickOption(page, 'bulletin-period', PERIOD_LABEL);
    await page.getByTestId('bulletin-draft-submit').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('排名情况（来自统计）').waitFor();
    await drawer.getByRole('cell', { name: UNIT, exact: true }).waitFor();
    // Finalising is not offered before the units have had their say.
    expect(await page.getByTestId('bulletin-finalize').count()).toBe(0);
    await shot(page, 'bulletins-01-draft');
    // 发文设置: the city prints under the 宣传部's red masthead; numbers come at 定稿.
    expect(await page.getByTestId('bulletin-number').innerText()).toContain('定稿时自动编号');
    await page.getByTestId('bulletin-register').click();
    await expect.poll(() => page.getByTestId('register-masthead').inputValue()).toBe('中共江城市委宣传部文件');
    await page.getByText(new RegExp(`本年下一个文号：江宣〔${YEAR}〕\\d+号`)).waitFor();
    await shot(page, 'bulletins-01b-register');
    await page.locator('.ant-modal').getByRole('button', { name: '关 闭' }).click();
    await page.getByTestId('bulletin-publish').click();
    await confirmPopover(page);
    await page.getByText('已发布征求意见，已通知各单位').waitFor();
    await expect.poll(() => page.getByTestId('bulletin-finalize').isDisabled()).toBe(true);
    expect(await page.getByTestId('bulletin-finalize').innerText()).toContain('征求意见期未满');

    // The unit's reporter finds it under 通报征求意见 and objects.
    const r = await newPage(browser);
    await login(r.page, 'reporter', DEMO_PASSWORD);
    await r.page.getByTestId('nav-openBulletins').click();
    await r.page.getByText(PERIOD_LABEL).first().waitFor();
    await r.page.getByTestId('appeal-reason').fill(REASON);
    await r.page.getByTestId('appeal-submit').click();
    await r.page.getByText('异议已提交，等待宣传办答复').waitFor();
    await r.page.getByText('待答复').waitFor();
    await shot(r.page, 'bulletins-02-appeal');

    // The editor sees the appeal, answers it, closes the window early and finalises.
    await page.reload();
    await page.getByTestId('nav-bulletins').click();
    await page.locator('a', { hasText: PERIOD_LABEL }).first().click();
    await drawer.getByText(REASON).waitFor();
    expect(await page.getByTestId('bulletin-finalize').innerText()).toMatch(/征求意见期未满|1条异议待答复/);
    await drawer.getByLabel('答复意见').fill(ANSWER);
    await page.getByTestId(`appeal-answer-${UNIT}`).click();
    await page.getByText('已答复').first().waitFor();
    await page.getByTestId('bulletin-close-appeal').click();
    await confirmPopover(page);
    await page.getByText('征求意见已结束，可以定稿').waitFor();
    await expect.poll(() => page.getByTestId('bulletin-finalize').isEnabled()).toBe(true);
    await page.getByTestId('bulletin-finalize').click();
    await confirmPopover(page);
    await page.getByText('通报已定稿').first().waitFor();
    await drawer.getByText('已定稿').first().waitFor();
    await expect.poll(() => page.getByTestId('bulletin-number').innerText()).toMatch(new RegExp(`^江宣〔${YEAR}〕\\d+号$`));
    const number = await page.getByTestId('bulletin-number').innerText();
    await shot(page, 'bulletins-03-final');

    // The .docx: a GB/T 9704 page and fonts, and the ranking table the statistics report.
    const download = page.waitForEvent('download');
    await page.getByTestId('bulletin-docx').click();
    const file = join(ARTIFACTS, 'bulletin.docx');
    await (await download).saveAs(file);
    const buf = readFileSync(file);
    const doc = docxPart(buf, 'word/document.xml');
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/); // A4 in twips
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/); // 37/26/35/28 mm
    expect(doc).toContain('w:eastAsia="方正小标宋简体"');
    expect(doc).toContain('w:eastAsia="仿宋_GB2312"');
    expect(docxPart(buf, 'word/fontTable.xml')).toContain('<w:altName w:val="仿宋"/>');
    const text = docxText(buf);
    expect(text).toContain(PERIOD_LABEL);
    expect(text).toContain('一、总体情况');
    // 版头 before the title, 署名 of the same office, 版记 at the end; final, so no 征求意见稿.
    expect(text.indexOf('中共江城市委宣传部文件')).toBeLessThan(text.indexOf(number));
    expect(text.indexOf(number)).toBeLessThan(text.indexOf(`关于${PERIOD_LABEL}`));
    expect(text).toContain('抄送：市委办公室，市人大常委会办公室，市政府办公室。');
    expect(text).toMatch(/中共江城市委宣传部办公室\s*\d{4}年\d{1,2}月\d{1,2}日印发/);
    expect(text).not.toContain('征求意见稿');

    const orgs = (await (await page.request.get('/api/orgs')).json()) as { items: Array<{ id: string; name: string }> };
    const office = orgs.items.find((o) => o.name === OFFICE);
    expect(office).toBeTruthy();
    const stats = await page.request.get(`/api/statistics?grain=quarter&period=${PERIOD}&orgId=${office?.id}`);
    expect(stats.status()).toBe(200);
    const rows = (await stats.json()).rows as Array<{
      rank: number;
      orgName: string;
      submitted: number;
      approved: number;
      released: number;
      adoptedTotal: number;
      endorsements: number;
      points: number;
    }>;
    expect(rows.length).toBeGreaterThan(1);
    // The table ranks the office's 考核对象 only (never the office itself), each with exactly the
    // statistics' counts and points, ranked among themselves.
    const [header, ...table] = docxTable(doc);
    expect(header).toEqual(['排名', '单位', '报送', '通过', '发布', '用稿', '批示', '积分']);
    expect(table.length).toBeGreaterThan(1);
    expect(table.map((r) => r[1])).not.toContain(OFFICE);
    for (const r of table) {
      const x = rows.find((s) => s.orgName === r[1]);
      expect(x, r[1]).toBeTruthy();
      if (!x) continue;
      expect(r.slice(2)).toEqual([String(x.submitted), String(x.approved), String(x.released), String(x.adoptedTotal), String(x.endorsements), String(Math.round(x.points * 100) / 100)]);
    }
    const points = table.map((r) => Number(r[7]));
    expect(table.map((r) => Number(r[0]))).toEqual(points.map((p) => 1 + points.filter((q) => q > p).length));
    await context.close();

    // The unit reads the answer.
    await r.page.reload();
    await r.page.getByText(`答复：${ANSWER}`).waitFor();
    await r.context.close();
  });
});
