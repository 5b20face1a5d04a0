import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newPage, shot } from '../browser.ts';
import { stepNow, totpAt } from '../totp.ts';
import { login, pickOption } from '../ui.ts';

const DEMO = 'Demo@2025';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

/** Walks 账号安全's enrolment on `page` and returns the secret shown and the recovery codes. */
async function enrol(page: Page, shotPrefix: string): Promise<{ secret: string; codes: string[] }> {
  await page.getByTestId('second-factor-start').click();
  const secretEl = page.getByTestId('second-factor-secret');
  await page.getByTestId('second-factor-qr').waitFor();
  // The secret is shown in groups of four for typing by hand; the app takes it without spaces.
  const secret = (await secretEl.innerText()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await shot(page, `${shotPrefix}-qr`);
  await page.getByTestId('second-factor-code').fill(totpAt(secret, stepNow()));
  await page.getByTestId('second-factor-confirm').click();
  await page.getByTestId('recovery-codes').waitFor();
  const codes = await page.locator('[data-testid="recovery-codes"] li').allInnerTexts();
  expect(codes).toHaveLength(10);
  await shot(page, `${shotPrefix}-recovery-codes`);
  const download = page.waitForEvent('download');
  await page.getByTestId('recovery-codes-download').click();
  expect((await download).suggestedFilename()).toContain('恢复码');
  await page.getByTestId('second-factor-done').click();
  return { secret, codes: codes.map((c) => c.trim()) };
}

describe('[两步验证 · 个人信息] TOTP enrolment and login, masked phones in Chromium', () => {
  it('secadmin enrols from 账号安全, then logs in with a code (a wrong one is refused) and once with a recovery code; the auditor is made to enrol under the admins policy', async () => {
    // ── enrolment ──
    const first = await newPage(browser);
    await login(first.page, 'secadmin', DEMO);
    await first.page.getByTestId('home-greeting').waitFor();
    await first.page.getByTestId('user-menu').click();
    await first.page.getByText('账号安全 · 两步验证').click();
    await first.page.getByTestId('second-factor-enable').click();
    const { secret, codes } = await enrol(first.page, 'totp-secadmin');
    await expect.poll(() => first.page.getByTestId('second-factor-status').innerText()).toContain('已启用');
    await shot(first.page, 'totp-secadmin-enabled');
    await first.context.close();

    // ── login: password, then the code ──
    const second = await newPage(browser);
    await login(second.page, 'secadmin', DEMO);
    await second.page.getByTestId('login-totp-code').waitFor();
    await shot(second.page, 'totp-login-code');
    const wrong = ['000000', '999999'].find((c) => ![-1, 0, 1, 2].some((d) => totpAt(secret, stepNow() + d) === c)) ?? '000000';
    await second.page.getByTestId('login-totp-code').fill(wrong);
    await second.page.getByTestId('second-factor-submit').click();
    await expect.poll(() => second.page.getByTestId('login-error').innerText()).toContain('验证码');
    await shot(second.page, 'totp-login-wrong-code');
    // The enrolment used this step's code: the app's next code (clock drift allowance) is fresh.
    await second.page.getByTestId('login-totp-code').fill(totpAt(secret, stepNow() + 1));
    await second.page.getByTestId('second-factor-submit').click();
    await second.page.getByTestId('home-greeting').waitFor();
    await second.context.close();

    // ── login with a recovery code ──
    const third = await newPage(browser);
    await login(third.page, 'secadmin', DEMO);
    await third.page.getByTestId('use-recovery-code').click();
    await third.page.getByTestId('login-recovery-code').fill(codes[0] ?? '');
    await shot(third.page, 'totp-login-recovery');
    await third.page.getByTestId('second-factor-submit').click();
    await third.page.getByTestId('home-greeting').waitFor();

    // ── policy: the three admins must enrol ──
    await third.page.getByTestId('nav-security').click();
    await pickOption(third.page, 'security-requireSecondFactorFor', '三员');
    await third.page.getByTestId('security-save').click();
    await third.page.getByText('安全策略已保存').waitFor();

    const auditor = await newPage(browser);
    await login(auditor.page, 'auditor', DEMO);
    await auditor.page.getByTestId('second-factor-required').waitFor();
    expect(auditor.page.url()).toContain('/enrol-second-factor');
    await shot(auditor.page, 'totp-auditor-forced');
    await enrol(auditor.page, 'totp-auditor');
    await auditor.page.getByTestId('home-greeting').waitFor();
    await auditor.context.close();

    // Leave the demo city as other specs expect it: no policy, no factors (the resets are audited).
    await pickOption(third.page, 'security-requireSecondFactorFor', '不强制');
    await third.page.getByTestId('security-save').click();
    await third.page.getByText('安全策略已保存').last().waitFor();
    await third.page.getByTestId('nav-users').click();
    await third.page.getByTestId('user-filter-q').locator('input').fill('auditor');
    await third.page.getByTestId('user-filter-q').locator('input').press('Enter');
    await third.page.getByTestId('user-reset-2fa-auditor').click();
    await shot(third.page, 'totp-reset-confirm');
    await third.page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await third.page.getByText('两步验证已重置').waitFor();
    const me = await third.page.request.get('/api/users?q=secadmin');
    const secadminId = ((await me.json()) as { items: Array<{ id: string; username: string }> }).items.find((u) => u.username === 'secadmin')?.id;
    expect((await third.page.request.post(`/api/users/${secadminId}/second-factor/reset`)).status()).toBe(200);

    // ── personal fields: a phone is listed masked; 查看 reveals it (audited); the whole number finds the row ──
    const sys = await newPage(browser);
    await login(sys.page, 'admin', DEMO);
    await sys.page.getByTestId('home-greeting').waitFor();
    const auditorId = ((await (await sys.page.request.get('/api/users?q=auditor')).json()) as { items: Array<{ id: string; username: string }> }).items.find((u) => u.username === 'auditor')?.id;
    const patched = await sys.page.request.patch(`/api/users/${auditorId}`, { data: { phone: '13812345678' } });
    expect(((await patched.json()) as { phone: string }).phone).toBe('138****5678');
    await third.page.getByTestId('user-filter-q').locator('input').fill('13812345678');
    await third.page.getByTestId('user-filter-q').locator('input').press('Enter');
    await expect.poll(() => third.page.getByTestId('user-phone-auditor').innerText()).toBe('138****5678');
    await shot(third.page, 'phone-masked');
    await third.page.getByTestId('user-phone-reveal-auditor').click();
    await expect.poll(() => third.page.getByTestId('user-phone-auditor').innerText()).toBe('13812345678');
    await shot(third.page, 'phone-revealed');
    await sys.page.request.patch(`/api/users/${auditorId}`, { data: { phone: null } });
    await sys.context.close();
    await third.context.close();
  });
});
