import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../../test-support/docx-text.ts';
import { ARTIFACTS, launch, newPage, shot } from '../browser.ts';
import { login, pickOption, pickTreeNode } from '../ui.ts';

const DEMO = 'Demo@2025';
const SEEDS = join(import.meta.dirname, '../../test-support/seeds');
const seed000 = () => {
  if (!existsSync(SEEDS)) throw new Error(`seed documents not found at ${SEEDS}`);
  return readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith('000')) ?? ''), 'utf8');
};

/** YYYY-MM-DD in Beijing, `days` from today (the server decides lights in that zone). */
function day(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
}

/** Types a date into an antd DatePicker and confirms it. */
async function pickDate(page: Page, testId: string, date: string): Promise<void> {
  const input = page
    .getByTestId(testId)
    .locator('input')
    .or(page.locator(`input[data-testid="${testId}"]`))
    .first();
  await input.click();
  await input.fill(date);
  await page.keyboard.press('Enter');
}

let browser: Browser;
let planPath = '';
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

describe('[台账与督办] in Chromium', () => {
  it('editor pastes seed 000 and gets the three phases with their tasks, saves, and assigns two tasks (one overdue)', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'editor', DEMO);
    await page.getByTestId('nav-plans').click();
    await page.getByTestId('plan-new').click();
    await page.getByTestId('plan-paste-text').fill(seed000());
    await page.getByTestId('plan-parse').click();
    await page.getByTestId('plan-draft').waitFor();
    const names = await Promise.all([0, 1, 2].map((i) => page.getByTestId(`draft-phase-name-${i}`).inputValue()));
    expect(names).toEqual(['会前预热', '会中聚焦', '会后深化']);
    for (const i of [0, 1, 2]) expect(await page.locator(`[data-testid^="draft-task-title-${i}-"]`).count()).toBe(3);
    expect(await page.getByTestId('draft-task-title-0-0').inputValue()).toBe('制定宣讲方案');
    expect(await page.getByTestId('draft-task-title-2-2').inputValue()).toBe('总结工作成效');
    await shot(page, 'ledgers-01-plan-draft');

    await page.getByTestId('plan-save').click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    planPath = new URL(page.url()).pathname;
    await page.getByTestId('plan-phase-会前预热').waitFor();

    // Task 1 (制定宣讲方案) → 东门社区, already past its deadline; task 2 → 城关街道, ten days left.
    await page.getByTestId('task-assign-10').click();
    await pickTreeNode(page, 'assign-lead', '东门社区');
    await pickDate(page, 'assign-deadline', day(-2));
    await page.getByTestId('assign-submit').click();
    await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    await page.getByTestId('plan-phase-会前预热').getByText('东门社区').waitFor();
    await page.locator('[data-testid="task-light-10"][data-light="red"]').waitFor();
    await page.getByTestId('task-assign-20').click();
    await pickTreeNode(page, 'assign-lead', '城关街道');
    await pickDate(page, 'assign-deadline', day(10));
    await page.getByTestId('assign-submit').click();
    await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    await page.locator('[data-testid="task-light-20"][data-light="blue"]').waitFor();
    await shot(page, 'ledgers-02-plan-assigned');
    await context.close();
  });

  it('the unit reports progress; the office issues a 督办单 on the red task; the unit signs and answers it', async () => {
    const unit = await newPage(browser);
    await login(unit.page, 'reporter', DEMO);
    await unit.page.getByTestId('nav-supervision').click();
    await unit.page.getByTestId('supervision-table').getByText('制定宣讲方案').first().click();
    await unit.page.getByTestId('task-drawer').waitFor();
    await unit.page.getByTestId('task-report').click();
    await unit.page.getByTestId('report-body').fill('已起草社区宣讲方案，正在征求居民代表意见。');
    await unit.page.getByTestId('report-submit').click();
    await unit.page.getByTestId('task-report-item').first().waitFor();
    expect(await unit.page.getByTestId('task-status').textContent()).toBe('办理中');
    await shot(unit.page, 'ledgers-03-unit-progress');

    const office = await newPage(browser);
    await login(office.page, 'editor', DEMO);
    await office.page.getByTestId('home-greeting').waitFor();
    await office.page.goto(planPath);
    await office.page.getByTestId('task-open-10').click();
    expect(await office.page.getByTestId('task-light').getAttribute('data-light')).toBe('red');
    await office.page.getByTestId('task-urge').click();
    await office.page.getByTestId('urge-submit').click();
    await office.page.locator('[data-testid="urge-0"][data-status="issued"]').waitFor();
    await shot(office.page, 'ledgers-04-urge-issued');

    // The unit finds the 督办单 in its 工作台's 待办, which opens 督办 on 待签收/答复.
    await unit.page.goto('/');
    await unit.page.getByTestId('home-todo-unitTasks').click();
    await unit.page.getByTestId('supervision-view').locator('.ant-segmented-item-selected').filter({ hasText: '待签收/答复' }).waitFor();
    await unit.page.getByTestId('supervision-table').getByText('制定宣讲方案').first().click();
    await unit.page.getByTestId('urge-sign-0').click();
    await unit.page.getByTestId('urge-answer-0').click();
    await unit.page.getByTestId('answer-body').fill('方案已定稿，将于本周内印发并组织宣讲。');
    await unit.page.getByTestId('answer-submit').click();
    await unit.page.locator('[data-testid="urge-0"][data-status="answered"]').waitFor();
    await shot(unit.page, 'ledgers-05-urge-answered');

    await office.page.reload();
    await office.page.getByTestId('task-open-10').click();
    await office.page.locator('[data-testid="urge-0"][data-status="answered"]').waitFor();
    await unit.context.close();
    await office.context.close();
  });

  it('a 中心组学习 with attendance is recorded and the unit’s target light changes; the study archive downloads', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'reporter', DEMO);
    await page.getByTestId('nav-targets').click();
    const card = page.getByTestId('target-study_sessions');
    await card.waitFor();
    // The demo seed keeps 东门社区 one 中心组学习 behind the year's pace (from February on; in January
    // the pace asks for none yet, so there is nothing to fall behind and this check cannot hold).
    const before = await card.getAttribute('data-light');
    await shot(page, 'ledgers-06-targets-before');

    await page.getByTestId('nav-activities').click();
    await page.getByTestId('activity-create').click();
    await pickOption(page, 'activity-form-type', '中心组学习');
    await page.getByTestId('activity-form-topic').fill('学习贯彻全国两会精神专题学习');
    await page.getByTestId('activity-form-speaker').fill('王丽娟');
    await page.getByTestId('attendee-0').waitFor();
    // One member was away: absent with a reason.
    await page.getByTestId('attendee-status-1').getByText('缺席').click();
    await page.getByTestId('attendee-reason-1').fill('参加区里培训');
    await page.getByTestId('activity-form-minutes').fill('传达学习政府工作报告精神，班子成员交流发言。');
    await shot(page, 'ledgers-07-activity-form');
    await page.getByTestId('activity-form-submit').click();
    await page.getByTestId('activity-drawer').waitFor({ state: 'hidden' });
    await page.getByTestId('activity-table').getByText('学习贯彻全国两会精神专题学习').waitFor();

    await page.getByTestId('nav-targets').click();
    // The cached card shows first, then the refetch lights it anew from the ledger.
    await page.locator('[data-testid="target-study_sessions"][data-light="green"]').waitFor();
    expect(before).not.toBe('green');
    await shot(page, 'ledgers-08-targets-after');

    await page.getByTestId('nav-activities').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-archive').click()]);
    expect(download.suggestedFilename()).toMatch(/^东门社区-\d{4}年度理论学习档案\.docx$/);
    const file = join(ARTIFACTS, 'ledgers-study-archive.docx');
    await download.saveAs(file);
    const text = docxText(readFileSync(file));
    expect(text).toContain('学习贯彻全国两会精神专题学习');
    expect(text).toContain('参加区里培训');
    await context.close();
  });

  it('the office sees the coverage heat-map; on a 375 px phone the ledger and supervision pages fit', async () => {
    const office = await newPage(browser);
    await login(office.page, 'editor', DEMO);
    await office.page.getByTestId('nav-targets').click();
    // The office's own grant covers the whole city, so the overview starts there.
    await office.page.getByTestId('target-study_sessions').waitFor();
    await office.page.getByText('宣讲覆盖热力图').click();
    await office.page.getByTestId('coverage-heatmap').locator('canvas').first().waitFor();
    await office.page.waitForTimeout(500);
    await shot(office.page, 'ledgers-09-heatmap');
    await office.context.close();

    const { context, page } = await newPage(browser, { mobile: true });
    await login(page, 'reporter', DEMO);
    await page.getByTestId('nav-toggle').click();
    await page.getByTestId('nav-activities').click();
    await page.getByTestId('activity-table').getByText('学习贯彻全国两会精神专题学习').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await shot(page, 'ledgers-10-phone-activities', { fullPage: false });
    await page.getByTestId('activity-create').click();
    await page.getByTestId('attendee-0').waitFor();
    await shot(page, 'ledgers-11-phone-activity-form', { fullPage: false });
    await page.getByTestId('attendee-0').scrollIntoViewIfNeeded();
    await shot(page, 'ledgers-11b-phone-attendance', { fullPage: false });
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-toggle').click();
    await page.getByTestId('nav-supervision').click();
    await page.getByTestId('supervision-table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await shot(page, 'ledgers-12-phone-supervision');
    await context.close();
  });
});
