import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, newPage, shot } from '../browser.ts';
import { apiAs, approveAs, bodyAbout, createManuscript, DEMO_PASSWORD, docxText, login, makeDocx, makePng, pickOption, readZipEntry, type Api } from '../ui.ts';

const TMP = mkdtempSync(join(tmpdir(), 'xl-e2e-docs-'));

let browser: Browser;
let reporterApi: Api;
beforeAll(async () => {
  browser = await launch();
  reporterApi = await apiAs(browser, baseUrl(), 'reporter');
});
afterAll(async () => {
  await browser.close();
  rmSync(TMP, { recursive: true, force: true });
});

/** A .docx with two captioned photos, as a community reporter sends it. */
async function photoDocx(title: string): Promise<string> {
  const file = join(TMP, `${title}.docx`);
  const docx = await makeDocx({
    title,
    paragraphs: [
      '近日，东门社区联合辖区消防站开展消防安全进楼栋宣传活动，组织志愿者逐户发放宣传资料，讲解家庭火灾预防和逃生自救知识。',
      '活动共发放宣传资料三百余份，排查楼道堆物隐患十二处，居民消防安全意识进一步增强。',
    ],
    photos: [
      { png: makePng(64, 48, [200, 60, 60]), caption: '图为志愿者向居民讲解灭火器使用方法' },
      { png: makePng(64, 48, [60, 60, 200]), caption: '图为消防站工作人员检查楼道消防设施' },
    ],
  });
  writeFileSync(file, docx);
  return file;
}

async function as(username: string, opts: { mobile?: boolean } = {}): Promise<Page> {
  const { page } = await newPage(browser, opts);
  await login(page, username, DEMO_PASSWORD);
  await page.getByTestId('home-greeting').waitFor();
  return page;
}

const status = (page: Page) => page.getByTestId('manuscript-status');

describe('[稿件] manuscripts and the review chain in Chromium', () => {
  it('reporter imports a .docx with two captioned photos and submits; reviewer1 then reviewer2 approve; the 审签单 lists both steps', async () => {
    const title = '东门社区开展消防安全进楼栋宣传活动';
    const rep = await as('reporter');
    await rep.getByTestId('nav-manuscripts').click();
    const chooser = rep.waitForEvent('filechooser');
    await rep.getByTestId('manuscript-import').click();
    await (await chooser).setFiles(await photoDocx(title));
    await rep.getByTestId('manuscript-editor-body').waitFor();
    const captions = await rep.locator('[data-testid="manuscript-editor-body"] figure figcaption').allTextContents();
    expect(captions).toEqual(['图为志愿者向居民讲解灭火器使用方法', '图为消防站工作人员检查楼道消防设施']);
    expect(await rep.getByTestId('manuscript-title').inputValue()).toBe(title);
    const id = rep.url().split('/').pop() ?? '';

    await pickOption(rep, 'meta-category', '工作动态');
    await pickOption(rep, 'meta-importance', '重大活动');
    await rep.getByTestId('author-add-me').click();
    await expect.poll(() => rep.getByTestId('autosave-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
    await expect(rep.getByTestId('autosave-status').textContent()).resolves.toMatch(/已自动保存 \d\d:\d\d:\d\d/);
    await rep.getByTestId('manuscript-check').click();
    await rep.locator('[data-testid="check-result"][data-ok="true"]').waitFor();
    await expect(rep.getByTestId('check-chain').textContent()).resolves.toContain('分管领导审核');
    await shot(rep, 'manuscript-reporter-checked');
    await rep.getByTestId('manuscript-submit').click();
    await rep.getByTestId('manuscript-status').filter({ hasText: '已报送' }).waitFor();
    await shot(rep, 'manuscript-reporter-submitted');

    // reviewer1: the menu badge counts it; one click approves from the list.
    const r1 = await as('reviewer1');
    await r1.getByTestId('reviews-pending-count').waitFor();
    await r1.getByTestId('nav-reviews').click();
    await r1.getByTestId(`review-approve-${id}`).click();
    await r1.getByTestId(`review-approve-${id}`).waitFor({ state: 'detached' });
    await shot(r1, 'manuscript-reviewer1-approved');

    // reviewer2 approves on the manuscript page, with the timeline showing step one done.
    const r2 = await as('reviewer2');
    await r2.goto(`/manuscripts/${id}`);
    await r2.getByTestId('timeline-step-0').filter({ hasText: '已通过' }).waitFor();
    await r2.getByTestId('decision-comment').fill('同意报送');
    await r2.getByTestId('decision-approve').click();
    await status(r2).filter({ hasText: '已通过' }).waitFor();
    await shot(r2, 'manuscript-reviewer2-approved');

    // The reporter is told, and the 审签单 lists both steps with reviewer and decision.
    await rep.reload();
    await status(rep).filter({ hasText: '已通过' }).waitFor();
    await rep.getByTestId('notification-bell').click();
    await rep.getByTestId('inbox').getByText('稿件已审核通过').first().waitFor();
    await shot(rep, 'manuscript-reporter-inbox');
    await rep.keyboard.press('Escape');
    const download = rep.waitForEvent('download');
    await rep.getByTestId('download-signoff').click();
    const file = await (await download).path();
    const text = docxText(readZipEntry(readFileSync(file), 'word/document.xml'));
    for (const expected of [title, '单位负责人审核', '分管领导审核', '王丽娟', '赵国庆', '同意报送']) expect(text).toContain(expected);
    const word = rep.waitForEvent('download');
    await rep.getByTestId('download-docx').click();
    const exported = docxText(readZipEntry(readFileSync(await (await word).path()), 'word/document.xml'));
    for (const expected of [title, '图为志愿者向居民讲解灭火器使用方法', '图为消防站工作人员检查楼道消防设施']) expect(exported).toContain(expected);
    await Promise.all([rep, r1, r2].map((p) => p.context().close()));
  });

  it('a return with a reason: the reporter sees it, revises and resubmits, and the chain restarts at the step that returned it', async () => {
    const m = await createManuscript(reporterApi, { title: '东门社区开展“邻里守望”志愿服务活动', bodyHtml: bodyAbout('开展“邻里守望”志愿服务活动'), importance: 'major_event' });
    const r1 = await apiAs(browser, baseUrl(), 'reviewer1');
    await approveAs(r1, m.id);

    const r2 = await as('reviewer2');
    await r2.getByTestId('nav-reviews').click();
    await r2.getByTestId(`review-return-${m.id}`).click();
    await r2.getByTestId('return-submit').click();
    await r2.getByText('请填写退回理由').waitFor();
    await r2.getByTestId('return-reason').fill('请补充服务覆盖的户数和志愿者人数');
    await r2.getByTestId('return-submit').click();
    await r2.getByTestId(`review-return-${m.id}`).waitFor({ state: 'detached' });

    // The reporter's 工作台 lists it under 待办 and one tap opens 我的稿件 on 已退回.
    const rep = await as('reporter');
    await rep.getByTestId('home-todo-returned').click();
    await rep.getByTestId('my-status-filter').locator('.ant-segmented-item-selected').filter({ hasText: '已退回' }).waitFor();
    await rep.getByTestId(`manuscript-link-${m.id}`).click();
    await rep.getByTestId('returned-notice').filter({ hasText: '请补充服务覆盖的户数和志愿者人数' }).waitFor();
    await shot(rep, 'manuscript-returned');
    const body = rep.getByTestId('manuscript-editor-body');
    await body.locator('p').last().click();
    await rep.keyboard.press('End');
    await rep.keyboard.type('活动覆盖居民一百二十户，参与志愿者三十六人。');
    // A photo from the toolbar becomes a figure; the cursor waits in its caption.
    const photo = join(TMP, 'visit.png');
    writeFileSync(photo, makePng(64, 48, [60, 160, 60]));
    await rep.getByTestId('editor-image-input').setInputFiles(photo);
    await body.locator('figure img').waitFor();
    await rep.keyboard.type('图为志愿者入户走访独居老人');
    await expect.poll(() => rep.getByTestId('autosave-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
    await rep.getByTestId('manuscript-submit').click();
    await status(rep).filter({ hasText: '已报送' }).waitFor();

    const after = await reporterApi.get<{ currentStepName: string; status: string }>(`/manuscripts/${m.id}`);
    expect(after.currentStepName).toBe('分管领导审核');
    await rep.getByTestId('timeline-step-1').filter({ hasText: '待审核' }).waitFor();
    await rep.getByTestId('timeline-step-0').filter({ hasText: '已通过' }).waitFor();

    // The revision is a version; the diff shows what was added.
    await rep.getByTestId('manuscript-versions').click();
    await rep.getByTestId('diff-body').getByTestId('diff-insert').filter({ hasText: '一百二十户' }).waitFor();
    await rep.getByTestId('diff-captions').getByTestId('diff-insert').filter({ hasText: '图为志愿者入户走访独居老人' }).waitFor();
    await shot(rep, 'manuscript-version-diff');
    await rep.keyboard.press('Escape');

    await r2.getByTestId('nav-home').click();
    await r2.getByTestId('nav-reviews').click();
    // The list refetches on arrival; on a loaded two-core machine that answer has taken over 15 s.
    await r2.getByTestId(`review-approve-${m.id}`).waitFor({ timeout: 45_000 });
    const r1Pending = await r1.get<{ items: Array<{ manuscriptId: string }> }>('/reviews/pending');
    expect(r1Pending.items.map((i) => i.manuscriptId)).not.toContain(m.id);
    await Promise.all([rep.context().close(), r2.context().close(), r1.context.close()]);
  });

  it('a banned word added by the editor blocks the submission and is highlighted in the editor with its reason', async () => {
    const ed = await as('editor');
    await ed.getByTestId('nav-manuscriptSettings').click();
    await ed.getByRole('tab', { name: '敏感词' }).click();
    await ed.getByTestId('word-create').click();
    await ed.getByTestId('word-word').fill('内部掌握');
    await ed.getByTestId('word-note').fill('内部掌握的情况不得公开报送');
    await ed.getByTestId('word-submit').click();
    await ed.getByTestId('word-table').getByText('内部掌握', { exact: true }).waitFor();
    await shot(ed, 'manuscript-editor-word-added');

    // 全部稿件: Chinese full-text search finds the demo city's approved piece; the list exports to Excel.
    await ed.getByTestId('nav-allManuscripts').click();
    await ed.getByTestId('manuscript-search').locator('input').fill('红色网格');
    await ed.keyboard.press('Enter');
    await ed.getByTestId('all-manuscripts-table').getByText('东门社区“红色网格”服务品牌获评全市优秀案例').first().waitFor();
    await shot(ed, 'manuscript-all-search');
    const xlsx = ed.waitForEvent('download');
    await ed.getByTestId('manuscripts-export').click();
    const sheet = readFileSync(await (await xlsx).path());
    expect(sheet.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(readZipEntry(sheet, 'xl/sharedStrings.xml')).toContain('红色网格');

    const m = await createManuscript(reporterApi, {
      title: '东门社区召开安全生产工作部署会议',
      bodyHtml: `<p>东门社区召开安全生产工作部署会议，会议通报了内部掌握的隐患排查情况，要求打造国家级示范社区。会议强调，要压实责任、排查到位，确保辖区安全形势持续稳定。</p>`,
      submit: false,
    });
    const rep = await as('reporter');
    await rep.goto(`/manuscripts/${m.id}`);
    await rep.getByTestId('manuscript-submit').click();
    await rep.locator('[data-testid="check-result"][data-ok="false"]').waitFor();
    const blocking = rep.locator('.xl-hit-blocking', { hasText: '内部掌握' }).first();
    await blocking.waitFor();
    expect(await blocking.getAttribute('title')).toContain('内部掌握的情况不得公开报送');
    await rep.locator('.xl-prose .xl-hit-warning', { hasText: '国家级' }).first().waitFor();
    await rep.locator('[data-testid="check-problem"][data-code="sensitive_word"][data-level="blocking"]').first().waitFor();
    await expect(status(rep).textContent()).resolves.toBe('草稿');
    await shot(rep, 'manuscript-banned-word');
    // Leave the dictionary as the demo city had it (the spec can run again on the same server).
    const edApi = await apiAs(browser, baseUrl(), 'editor');
    const words = await edApi.get<{ items: Array<{ id: string; word: string }> }>('/dictionaries/words');
    for (const w of words.items.filter((x) => x.word === '内部掌握')) await edApi.send('DELETE', `/dictionaries/words/${w.id}`);
    await Promise.all([ed.context().close(), rep.context().close(), edApi.context.close()]);
  });

  it('a 重要决策/全局评价 manuscript goes to the 分管领导 (reviewer2), then the 副书记 (reviewer3)', async () => {
    const m = await createManuscript(reporterApi, {
      title: '城关街道党工委研究部署年度重点工作',
      bodyHtml: bodyAbout('配合街道研究部署年度重点工作'),
      category: '经济发展',
      importance: 'key_decision',
    });
    const steps = await reporterApi.get<{ items: Array<{ name: string; assignees: Array<{ name: string }> }> }>(`/manuscripts/${m.id}/steps`);
    expect(steps.items.map((s) => s.name)).toEqual(['分管领导审核', '副书记审阅']);
    expect(steps.items[0]?.assignees.map((a) => a.name)).toEqual(['赵国庆']);

    const r1 = await apiAs(browser, baseUrl(), 'reviewer1');
    expect((await r1.get<{ items: Array<{ manuscriptId: string }> }>('/reviews/pending')).items.map((i) => i.manuscriptId)).not.toContain(m.id);
    await r1.context.close();

    const r2 = await as('reviewer2');
    await r2.getByTestId('nav-reviews').click();
    await r2.getByTestId(`review-approve-${m.id}`).click();
    await r2.getByTestId(`review-approve-${m.id}`).waitFor({ state: 'detached' });
    const next = await reporterApi.get<{ items: Array<{ name: string; status: string; assignees: Array<{ name: string }> }> }>(`/manuscripts/${m.id}/steps`);
    expect(next.items[1]).toMatchObject({ status: 'pending', assignees: [{ name: '周建华' }] });
    const r3 = await as('reviewer3');
    await r3.goto(`/manuscripts/${m.id}`);
    await r3.getByTestId('timeline-step-1').filter({ hasText: '待审核' }).waitFor();
    // 修改后通过: the editor opens for the reviewer; the edit becomes a version.
    await r3.getByTestId('decision-edit').click();
    await r3.getByTestId('manuscript-editor-body').locator('p').first().click();
    await r3.keyboard.press('End');
    await r3.keyboard.type('会议由街道党工委书记主持。');
    await r3.getByTestId('decision-confirm-edits').click();
    await status(r3).filter({ hasText: '已通过' }).waitFor();
    await r3.getByTestId('manuscript-editor-body').getByText('会议由街道党工委书记主持。').waitFor();
    const versions = await reporterApi.get<{ items: Array<{ kind: string; createdByName: string }> }>(`/manuscripts/${m.id}/versions`);
    expect(versions.items.some((v) => v.kind === 'review_edit' && v.createdByName === '周建华')).toBe(true);
    await shot(r3, 'manuscript-key-decision-approved');
    await Promise.all([r2.context().close(), r3.context().close()]);
  });

  it('an author never approves their own manuscript: no 通过 button, and the API refuses', async () => {
    const editor = await apiAs(browser, baseUrl(), 'editor');
    const users = await editor.get<{ items: Array<{ id: string; username: string; name: string }> }>('/users?q=reviewer1');
    const r1User = users.items.find((u) => u.username === 'reviewer1');
    expect(r1User).toBeDefined();
    const m = await createManuscript(reporterApi, {
      title: '东门社区党委书记带队走访困难群众',
      bodyHtml: bodyAbout('党委书记带队走访慰问辖区困难群众'),
      authors: [
        { name: '张晓华', userId: null, orgId: null, orgName: null, share: 50 },
        { name: r1User?.name ?? '', userId: r1User?.id ?? null, orgId: null, orgName: null, share: 50 },
      ],
    });
    const r1 = await as('reviewer1');
    await r1.goto(`/manuscripts/${m.id}`);
    await r1.getByTestId('review-timeline').waitFor();
    await expect(r1.getByTestId('decision-approve').count()).resolves.toBe(0);
    await shot(r1, 'manuscript-own-no-approve');

    const r1Api = await apiAs(browser, baseUrl(), 'reviewer1');
    const steps = await r1Api.get<{ items: Array<{ id: string; status: string; assignees: Array<{ id: string }> }> }>(`/manuscripts/${m.id}/steps`);
    const step = steps.items.find((s) => s.status === 'pending');
    expect(step?.assignees.map((a) => a.id)).not.toContain(r1User?.id);
    const res = await r1Api.raw('POST', `/reviews/steps/${step?.id}/decisions`, { decision: 'approve' });
    expect(res.status()).toBe(403);
    expect(await res.text()).toContain('不能审核自己');

    // The street's two reviewers stand in; both see it, the second to click is told it is taken.
    expect(step?.assignees.length).toBe(2);
    const r3 = await as('reviewer3');
    await r3.getByTestId('nav-reviews').click();
    await r3.getByTestId(`review-approve-${m.id}`).waitFor();
    const r2 = await apiAs(browser, baseUrl(), 'reviewer2');
    await approveAs(r2, m.id);
    await r3.getByTestId(`review-approve-${m.id}`).click();
    await r3.locator('.ant-modal-confirm-title', { hasText: '已被他人处理' }).waitFor();
    await shot(r3, 'manuscript-taken-by-other');
    await Promise.all([r1.context().close(), r3.context().close(), r1Api.context.close(), r2.context.close(), editor.context.close()]);
  });

  it('突发事件: a 首报 counts down to its deadline; once submitted, a 续报 joins the chain in order', async () => {
    const rep = await as('reporter');
    await rep.getByTestId('nav-urgent').click();
    await rep.getByTestId('urgent-first-report').click();
    await rep.getByTestId('first-report-title').fill('东门社区某小区发生自来水管道爆裂');
    await rep.getByTestId('first-report-submit').click();
    await rep.waitForURL(/\/manuscripts\/[0-9a-f-]{36}$/);
    const countdown = rep.getByTestId('urgent-card').getByTestId('urgent-countdown');
    const before = await countdown.textContent();
    expect(before).toMatch(/距截止还有 \d\d 分 \d\d 秒/);
    await expect.poll(() => countdown.textContent(), { timeout: 5_000 }).not.toBe(before);
    const id = rep.url().split('/').pop() ?? '';
    const draft = await reporterApi.get<{ revision: number }>(`/manuscripts/${id}`);
    await reporterApi.send('PUT', `/manuscripts/${id}/draft`, { revision: draft.revision, bodyHtml: bodyAbout('某小区发生自来水管道爆裂，社区第一时间组织抢修并通知居民') });
    await rep.reload();
    await rep.getByTestId('manuscript-submit').click();
    await status(rep).filter({ hasText: '已报送' }).waitFor();
    await rep.getByTestId('urgent-follow-up').click();
    await rep.waitForURL((u) => !u.pathname.endsWith(id));
    const chain = rep.getByTestId('urgent-chain');
    await chain.getByText('续报').first().waitFor();
    expect(await chain.locator('.ant-list-item').allTextContents()).toEqual([expect.stringContaining('首报'), expect.stringContaining('续报')]);
    await shot(rep, 'manuscript-urgent-follow-up');
    await rep.context().close();
  });

  it('autosave shows the time it saved; a change made elsewhere stops it with a 409 and offers a reload', async () => {
    const m = await createManuscript(reporterApi, { title: '东门社区开展垃圾分类积分兑换活动', bodyHtml: bodyAbout('开展垃圾分类积分兑换活动'), submit: false });
    const rep = await as('reporter');
    await rep.goto(`/manuscripts/${m.id}`);
    await rep.getByTestId('manuscript-title').fill('东门社区开展垃圾分类积分兑换宣传活动');
    await expect.poll(() => rep.getByTestId('autosave-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
    const now = await reporterApi.get<{ revision: number; title: string }>(`/manuscripts/${m.id}`);
    expect(now.title).toBe('东门社区开展垃圾分类积分兑换宣传活动');
    // Another device saves first.
    await reporterApi.send('PUT', `/manuscripts/${m.id}/draft`, { revision: now.revision, title: '东门社区垃圾分类积分兑换活动受居民欢迎' });
    await rep.getByTestId('manuscript-editor-body').locator('p').first().click();
    await rep.keyboard.type('（本页修改）');
    await rep.getByTestId('autosave-conflict').waitFor({ timeout: 10_000 });
    await shot(rep, 'manuscript-autosave-conflict');
    await rep.getByTestId('autosave-reload').click();
    await expect.poll(() => rep.getByTestId('manuscript-title').inputValue()).toBe('东门社区垃圾分类积分兑换活动受居民欢迎');
    await rep.context().close();
  });

  it('a reviewer approves several manuscripts at once and sees the result of each', async () => {
    const a = await createManuscript(reporterApi, { title: '东门社区开展重阳节敬老爱老主题活动', bodyHtml: bodyAbout('开展重阳节敬老爱老主题活动') });
    const b = await createManuscript(reporterApi, { title: '东门社区组织居民参加全民健身运动会', bodyHtml: bodyAbout('组织居民参加全民健身运动会') });
    const r1 = await as('reviewer1');
    await r1.getByTestId('nav-reviews').click();
    for (const id of [a.id, b.id]) await r1.locator(`tr:has([data-testid="review-approve-${id}"]) .ant-checkbox-input`).check();
    await r1.getByTestId('review-bulk-approve').click();
    await r1.getByTestId('bulk-results').waitFor();
    expect(await r1.locator('[data-testid="bulk-result-item"][data-ok="true"]').count()).toBe(2);
    await shot(r1, 'manuscript-bulk-approved');
    await r1.context().close();
  });

  it('at 375 px a reporter uploads a .docx with photos and submits in at most three interactions after the upload', async () => {
    const page = await as('reporter', { mobile: true });
    await page.goto('/quick-submit');
    await page.locator('input[type="file"]').setInputFiles(await photoDocx('东门社区开展夏季防汛应急演练活动'));
    await page.getByTestId('check-result').waitFor();
    await shot(page, 'phone-quick-checked');

    // After the upload, every tap or field entry counts.
    let interactions = 0;
    const tap = async (testId: string) => {
      interactions++;
      await page.getByTestId(testId).click();
    };
    const needsCategory = (await page.getByTestId('quick-categories').count()) > 0;
    if (needsCategory) await tap('quick-category-工作动态');
    await page.locator('[data-testid="check-result"][data-ok="true"]').waitFor();
    await tap('quick-submit');
    await page.getByTestId('quick-done').waitFor();
    expect(interactions).toBeLessThanOrEqual(3);
    await shot(page, 'phone-quick-submitted');
    for (const path of ['/quick-submit', '/manuscripts']) {
      await page.goto(path);
      await page.getByTestId('nav-toggle').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
    }
    await page.locator('[data-testid^="manuscript-link-"]').first().click();
    await page.getByTestId('manuscript-editor-body').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, 'phone-manuscript');
    await page.context().close();
  });
});
