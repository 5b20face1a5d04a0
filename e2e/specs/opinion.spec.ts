import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../../test-support/docx-text.ts';
import { baseUrl, launch, newPage, shot } from '../browser.ts';
import { apiAs, DEMO_PASSWORD, login, pickOption } from '../ui.ts';

/** YYYY-MM-DD in Beijing today (briefs name China-time days). */
const todayCn = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

const STORY_TITLE = '河西片区连续三天停水 居民投诉自来水公司推诿';
const STORY = '江城市河西片区近日连续三天停水，多名居民向市民热线投诉，反映自来水公司推诿扯皮、迟迟不给说法，老人孩子生活困难。居民质疑抢修进度，对相关部门的答复表示不满。';

/**
 * An RSS 2.0 feed as a county news site would publish it: one story, two reposts, one unrelated item.
 * Published minutes ago, so that today's brief (China time) holds all four unless the run starts in
 * the first minutes after midnight in Beijing.
 */
function rss(): string {
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toUTCString();
  const item = (title: string, body: string, link: string, minutesAgo: number) =>
    `<item><title>${title}</title><link>${link}</link><guid>${link}</guid><pubDate>${at(minutesAgo)}</pubDate><description><![CDATA[${body}]]></description></item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>江城论坛</title><link>http://bbs.jiangcheng.test/</link><description>江城论坛热帖</description>
${item(STORY_TITLE, STORY, 'http://bbs.jiangcheng.test/t/501', 4)}
${item(`转载：${STORY_TITLE}`, `${STORY}（来源：江城论坛）`, 'http://news.jiangcheng.test/a/502', 3)}
${item(STORY_TITLE, `${STORY}责任编辑：王芳`, 'http://m.jiangcheng.test/p/503', 2)}
${item('河西小学举办秋季运动会', '河西小学举办秋季运动会，同学们积极参与，家长纷纷点赞。', 'http://bbs.jiangcheng.test/t/504', 1)}
</channel></rss>`;
}

let browser: Browser;
let feed: Server;
let feedUrl = '';
let feedHits = 0;
/** The incident the first case closes; the phone case opens it. */
let incidentUrl = '';

beforeAll(async () => {
  browser = await launch();
  // The fixture feed lives on loopback: exactly what the SSRF guard refuses until it is allow-listed.
  feed = createServer((req, res) => {
    feedHits++;
    if (req.url !== '/feed.xml') return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rss());
  });
  await new Promise<void>((r) => feed.listen(0, '127.0.0.1', r));
  feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/feed.xml`;
});
afterAll(async () => {
  await browser.close();
  await new Promise((r) => feed.close(r));
});

/** Reloads until `test` holds: fetches run as jobs, the page shows them once they land (and once it has loaded). */
async function reloadUntil(page: Page, test: () => Promise<boolean>, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Give the freshly loaded page a few seconds to fetch its data before judging it.
    for (let i = 0; i < 10; i++) {
      if (await test()) return;
      await page.waitForTimeout(500);
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await page.reload();
  }
}

async function moveIncident(page: Page, to: string, fill: (p: Page) => Promise<void> = async () => {}): Promise<void> {
  await page.getByTestId(`incident-move-${to}`).click();
  await fill(page);
  await page.getByTestId('transition-submit').click();
  await page.locator('.ant-modal:visible').waitFor({ state: 'detached' });
}

describe('[舆情] monitor watches a feed, handles an incident and downloads the brief in Chromium', () => {
  it('adds a topic and an alert rule, a feed refused until allow-listed, mentions and a negative cluster arrive, an alert opens an incident that goes to 办结, and the daily brief is a real .docx', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'monitor', DEMO_PASSWORD);
    await page.getByTestId('home-greeting').waitFor();

    // ── 监测专题: a wrong rule names its column; the right one is tried before saving ──
    await page.getByTestId('nav-topics').click();
    await page.getByTestId('topic-create').click();
    await page.getByTestId('topic-form-name').fill('河西+停水');
    await page.getByTestId('topic-form-rule').fill('(河西 | 河西片区 & 停水');
    await page.getByTestId('topic-try').click();
    await expect.poll(() => page.getByTestId('rule-issues').textContent()).toMatch(/第 \d+ 列/);
    await shot(page, 'opinion-rule-error');
    await page.getByTestId('topic-form-rule').fill('(河西 | 河西片区) & (停水 | 自来水) & !招聘');
    await page.getByTestId('topic-try').click();
    await page.getByTestId('rule-try-result').waitFor();
    await page.getByTestId('topic-form-submit').click();
    await page.getByTestId('topic-table').getByText('河西+停水').waitFor();

    // ── 预警规则: three negative mentions of the topic within three hours ──
    await page.getByTestId('nav-opinionAlerts').click();
    await page.getByRole('tab', { name: '预警规则' }).click();
    await page.getByTestId('alert-rule-create').click();
    await pickOption(page, 'alert-rule-topic', '河西+停水');
    await page.getByRole('spinbutton').first().fill('180');
    await page.getByRole('spinbutton').nth(1).fill('3');
    await page.getByTestId('alert-rule-submit').click();
    // The demo's 人大代表+投诉 topic has a rule of the same shape: name the topic.
    await page.getByTestId('alert-rule-table').getByText('专题：河西+停水 · 180 分钟内负面信息 ≥ 3 条').waitFor();

    // ── 信源: the loopback feed is refused, with the reason in 中文 on the source's health ──
    await page.getByTestId('nav-sources').click();
    await page.getByTestId('source-create').click();
    await page.getByTestId('source-form-name').fill('江城论坛 RSS');
    await page.getByTestId('source-form-url').fill(feedUrl);
    await page.getByTestId('source-form-submit').click();
    await page.getByTestId('source-table').getByText('江城论坛 RSS').waitFor();
    await page.getByTestId('source-fetch-江城论坛 RSS').click();
    const health = page.getByTestId('source-health-江城论坛 RSS');
    await reloadUntil(page, async () => /异常/.test((await health.textContent()) ?? ''), 'the refused fetch on the health column');
    expect(await health.textContent()).toMatch(/[\u4e00-\u9fa5]{4,}/);
    expect(feedHits, 'no request may reach a blocked address').toBe(0);
    await shot(page, 'opinion-source-refused');

    // ── 安全管理员 allow-lists loopback on the security page ──
    const sec = await newPage(browser);
    await login(sec.page, 'secadmin', DEMO_PASSWORD);
    await sec.page.getByTestId('nav-security').click();
    await sec.page.getByTestId('fetch-allow-cidrs').locator('input').fill('127.0.0.1/32');
    await sec.page.keyboard.press('Enter');
    await sec.page.getByTestId('fetch-policy-save').click();
    await sec.page.getByText('白名单已保存').waitFor();
    await shot(sec.page, 'opinion-allow-list');
    await sec.context.close();

    // ── now the fetch works: health turns 正常 and counts the items ──
    await page.getByTestId('source-fetch-江城论坛 RSS').click();
    await reloadUntil(page, async () => /正常/.test((await health.textContent()) ?? ''), 'a successful fetch');
    expect(feedHits).toBeGreaterThan(0);
    expect(await health.textContent()).toContain('近 24 小时 4 条');
    await shot(page, 'opinion-sources');

    // ── 舆情信息: the story arrives with its keywords marked and its reposts clustered ──
    await page.getByTestId('nav-mentions').click();
    await page.getByTestId('mentions-filter-topic').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '河西+停水' }).click();
    const table = page.getByTestId('mention-table');
    await table.getByText('同类 3 条').first().waitFor();
    expect(await table.locator('mark.xl-hit').count()).toBeGreaterThan(0);
    expect(await table.getByText('负面').count()).toBeGreaterThanOrEqual(3);
    await shot(page, 'opinion-mentions');
    await page.getByTestId('mentions-search').locator('input').fill('自来水公司');
    await page.getByTestId('mentions-search').locator('input').press('Enter');
    await table.getByText('同类 3 条').first().waitFor();
    await table.getByText('同类 3 条').first().click();
    await page.getByTestId('cluster-spread-chart').locator('canvas').waitFor();
    await page.getByTestId('cluster-drawer').getByText('共 3 条，负面 3 条').waitFor();
    await page.waitForTimeout(800); // the chart's entry animation
    await shot(page, 'opinion-cluster', { fullPage: false });
    await page.keyboard.press('Escape');

    // ── 预警: the negative cluster raised one alert in the monitor's inbox ──
    await page.getByTestId('nav-opinionAlerts').click();
    const alertRow = page.getByTestId('alert-inbox').locator('[data-testid^="alert-"]', { hasText: '河西+停水' });
    await alertRow.first().waitFor();
    expect(await alertRow.count()).toBe(1);
    await shot(page, 'opinion-alert-inbox');
    // 工作台's 待办 counts it among the alerts to confirm and opens 全部预警 on 待确认 with it listed.
    await page.getByTestId('nav-home').click();
    await page.getByTestId('home-todo-alerts').click();
    await page.getByTestId('alert-table').locator('[data-testid^="alert-"]', { hasText: '河西+停水' }).first().waitFor();
    await page.getByTestId('nav-opinionAlerts').click();
    await alertRow.first().waitFor();

    // ── 舆情事件 from the alert's cluster, through every stage to 办结 ──
    await alertRow.first().getByText('立为事件').click();
    await page.getByTestId('incident-create-title').fill('河西片区停水引发居民投诉');
    await page.getByTestId('incident-create-submit').click();
    const drawer = page.getByTestId('incident-drawer');
    await drawer.getByText('发现', { exact: true }).first().waitFor();
    incidentUrl = page.url();

    await moveIncident(page, 'assessing');
    // A colleague still looking at 研判 tries the same move after it happened: told plainly, nothing overwritten.
    const other = await newPage(browser);
    await login(other.page, 'monitor', DEMO_PASSWORD);
    await other.page.getByTestId('home-greeting').waitFor();
    await other.page.goto(incidentUrl);
    await other.page.getByTestId('incident-move-handling').waitFor();
    await pickOption(page, 'incident-grade', '较大');
    await page.getByText('已定为“较大”').waitFor();
    await moveIncident(page, 'handling');
    await other.page.getByTestId('incident-move-handling').click();
    await other.page.getByTestId('transition-submit').click();
    await other.page.getByTestId('incident-conflict').waitFor();
    expect(await other.page.getByTestId('incident-conflict').textContent()).toContain('该事件已被他人流转到“处置”');
    await shot(other.page, 'opinion-incident-conflict');
    await other.context.close();

    await moveIncident(page, 'responding', async (p) => {
      await p.getByTestId('transition-response').fill('市水务局：河西片区供水管网抢修已完成，今日 18 时前全面恢复供水，停水期间每日安排送水车。');
      await p.getByTestId('transition-response-url').fill('https://www.jiangcheng.example/swj/notice/88');
    });
    await moveIncident(page, 'closed', async (p) => {
      await p.getByTestId('transition-summary').fill('供水已恢复，回应发布后负面信息不再增加；责成自来水公司建立停水提前告知机制。');
    });
    await drawer.getByTestId('incident-summary').waitFor();
    expect(await drawer.getByTestId('incident-response-link').getAttribute('href')).toBe('https://www.jiangcheng.example/swj/notice/88');
    const timeline = (await drawer.getByTestId('incident-timeline').textContent()) ?? '';
    for (const step of ['立为事件', '发现 → 研判', '调整等级', '研判 → 处置', '处置 → 回应', '发布回应', '回应 → 办结']) expect(timeline).toContain(step);
    await shot(page, 'opinion-incident-closed');
    await page.keyboard.press('Escape');

    // ── 舆情简报: today's daily brief, generated on demand and downloaded as a real .docx ──
    await page.getByTestId('nav-briefs').click();
    await page.getByTestId('brief-generate').click();
    const dateInput = page.getByTestId('brief-generate-date').locator('input').or(page.locator('input[data-testid="brief-generate-date"]')).first();
    await dateInput.click();
    await dateInput.fill(todayCn());
    await page.keyboard.press('Enter');
    await page.getByTestId('brief-generate-submit').click();
    // The list polls while a brief is being written.
    const download = page.locator('[data-testid^="brief-download-"]').first();
    await download.waitFor({ timeout: 90_000 });
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    const buf = readFileSync(await file.path());
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
    const text = docxText(buf);

    // The figures in the document are the ones the server computes for the same period.
    const api = await apiAs(browser, baseUrl(), 'monitor');
    const briefs = await api.get<{ items: Array<{ id: string; periodFrom: string; periodTo: string; status: string }> }>('/briefs?kind=daily');
    const brief = briefs.items.find((b) => b.status === 'ready');
    if (!brief) throw new Error('no ready brief');
    const figures = await api.get<{ total: number; sentiment: { negative: number } }>(`/briefs/figures?from=${encodeURIComponent(brief.periodFrom)}&to=${encodeURIComponent(brief.periodTo)}`);
    await api.context.close();
    expect(figures.total).toBeGreaterThanOrEqual(4);
    expect(text).toContain(`共监测到舆情信息${figures.total}条`);
    expect(text).toContain(`其中负面${figures.sentiment.negative}条`);
    expect(text).toContain(STORY_TITLE);
    // Each top story carries its 研判 and 处置建议; the head says which issue this is.
    const story = text.slice(text.indexOf(STORY_TITLE));
    expect(story).toMatch(/研判：[^\n]+\n+处置建议：/);
    expect(text).toMatch(/舆情日报\n+第\d+期/);
    await shot(page, 'opinion-briefs');

    await page.getByRole('tab', { name: '统计图表' }).click();
    await page.getByTestId('figures-by-day').locator('canvas').waitFor();
    await page.getByTestId('figures-sentiment').locator('canvas').waitFor();
    await page.getByTestId('figures-top-clusters').getByText(STORY_TITLE).first().waitFor();
    await page.waitForTimeout(800); // let the charts' entry animation finish before the picture
    await shot(page, 'opinion-figures');
    await context.close();
  });

  it('works on a 375 px phone: the mentions list and an incident', async () => {
    const { context, page } = await newPage(browser, { mobile: true });
    await login(page, 'monitor', DEMO_PASSWORD);
    await page.getByTestId('home-greeting').waitFor();
    await page.getByTestId('nav-toggle').click();
    await page.getByTestId('nav-mentions').click();
    await page.getByTestId('mention-table').locator('mark.xl-hit').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await shot(page, 'opinion-phone-mentions');
    await page.getByTestId('nav-toggle').click();
    await page.getByTestId('nav-incidents').click();
    await page.getByTestId('incident-table').waitFor();
    expect(incidentUrl, 'the first case closed an incident').not.toBe('');
    await page.goto(incidentUrl);
    await page.getByTestId('incident-steps').waitFor();
    await shot(page, 'opinion-phone-incident', { fullPage: false });
    for (const [nav, table] of [
      ['nav-sources', 'source-table'],
      ['nav-opinionAlerts', 'alert-inbox'],
      ['nav-briefs', 'brief-table'],
    ] as const) {
      await page.goto('/');
      await page.getByTestId('nav-toggle').click();
      await page.getByTestId(nav).click();
      await page.getByTestId(table).locator('.ant-table-row').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), nav).toBeLessThanOrEqual(1);
      await shot(page, `opinion-phone-${nav.slice(4)}`);
    }
    await context.close();
  });

  it('enters a mention by hand and imports a CSV into the manual source; a web source without selectors is refused in 中文; a source with mentions cannot be deleted, a mistaken one can', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'monitor', DEMO_PASSWORD);
    await page.getByTestId('home-greeting').waitFor();
    await page.getByTestId('nav-sources').click();
    const manual = '网信办转办线索（人工录入）';
    await page.getByTestId(`source-entry-${manual}`).click();
    await page.getByTestId('entry-title').fill('网友反映河西菜市场占道经营');
    await page.getByTestId('entry-content').fill('有网友在论坛发帖反映河西菜市场周边占道经营严重，交通拥堵，希望城管部门加强管理。');
    await page.getByTestId('entry-submit').click();
    await page.getByText('已录入，正在分析专题和情感').waitFor();

    await page
      .getByTestId('source-table')
      .locator('tr', { hasText: manual })
      .getByRole('button', { name: /更\s*多/ })
      .click();
    await page.locator('.ant-dropdown:visible').getByText('导入 CSV').click();
    const csv =
      '标题,链接,正文,作者,发布时间\n城关街道开展消防安全检查,https://www.jiangcheng.example/cg/9,城关街道开展消防安全检查，排查隐患十二处。,城关街道,\n,https://www.jiangcheng.example/cg/10,没有标题的一行,,\n';
    await page.locator('.ant-modal:visible input[type=file]').setInputFiles({ name: '线索.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    const outcome = page.getByTestId('csv-outcome');
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain('新入库 1 条');
    await page
      .locator('.ant-modal:visible')
      .getByText(/第 \d+ 行：/)
      .waitFor();
    await shot(page, 'opinion-csv-import', { fullPage: false });
    await page.keyboard.press('Escape');

    await page.getByTestId('source-create').click();
    await page.getByTestId('source-form-name').fill('江城政府网要闻');
    await page.locator('.ant-modal:visible').getByText('网页', { exact: true }).click();
    await page.getByTestId('source-form-url').fill('https://www.jiangcheng.example/news/');
    await page.getByTestId('source-form-submit').click();
    await page.getByText('请填写列表页中文章链接的选择器').waitFor();
    await page.getByTestId('source-form-list').fill('ul.news-list a');
    await page.getByTestId('source-form-submit').click();
    await page.getByTestId('source-table').getByText('江城政府网要闻').waitFor();

    // Deleting: the source created by mistake goes; the one with mentions is refused with the reason.
    const remove = async (name: string) => {
      await page.getByTestId(`source-more-${name}`).click();
      await page.locator('.ant-dropdown:visible').getByText('删除').click();
      await page
        .locator('.ant-modal-confirm:visible')
        .getByRole('button', { name: /删\s*除/ })
        .click();
    };
    await remove(manual);
    await page.getByText(/该信源已收录 \d+ 条舆情信息，不能删除；如不再抓取，请将其停用/).waitFor();
    await remove('江城政府网要闻');
    await page.getByText('已删除').waitFor();
    await expect.poll(() => page.getByTestId('source-table').getByText('江城政府网要闻').count()).toBe(0);
    await expect.poll(() => page.getByTestId('source-table').getByText(manual).count()).toBeGreaterThan(0);
    await context.close();
  });
});
