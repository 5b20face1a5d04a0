import { ROLE_PERMISSIONS, type Permission } from '@xuanlian/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newPage, shot } from '../browser.ts';
import { confirmPopover, login, pickOption, pickTreeNode } from '../ui.ts';

const DEMO = 'Demo@2025';
const ACCOUNTS = {
  admin: 'sysadmin',
  secadmin: 'secadmin',
  auditor: 'auditor',
  editor: 'editor',
  reporter: 'reporter',
  reviewer1: 'reviewer',
  reviewer2: 'reviewer',
  reviewer3: 'reviewer',
  leader: 'leader',
  monitor: 'monitor',
  editor2: 'editor',
} as const;

/** The menu the shell must show for a role, from the same permission table the server enforces. */
function expectedMenu(role: keyof typeof ROLE_PERMISSIONS): string[] {
  const has = (p: Permission) => (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(p);
  return [
    'nav-home',
    ...(has('manuscript.submit') ? ['nav-manuscripts', 'nav-quick'] : []),
    ...(has('manuscript.submit') || has('manuscript.review') || has('manuscript.manage') ? ['nav-urgent'] : []),
    ...(has('manuscript.review') ? ['nav-reviews'] : []),
    ...(has('manuscript.review') || has('manuscript.manage') ? ['nav-allManuscripts'] : []),
    ...(has('manuscript.manage') ? ['nav-commissions', 'nav-manuscriptSettings'] : []),
    ...(has('activity.read') || has('activity.record') ? ['nav-activities'] : []),
    ...(has('activity.read') ? ['nav-targets'] : []),
    ...(has('plan.read') ? ['nav-plans', 'nav-supervision'] : []),
    ...(has('org.manage') ? ['nav-orgs'] : []),
    ...(has('user.read') || has('user.manage') ? ['nav-users'] : []),
    ...(has('security.manage') ? ['nav-security'] : []),
    ...(has('audit.read') ? ['nav-audit'] : []),
    ...(has('opinion.read') ? ['nav-mentions', 'nav-opinionAlerts', 'nav-incidents', 'nav-briefs', 'nav-sources', 'nav-topics'] : []),
    ...(has('adoption.record') || has('scoring.manage') ? ['nav-adoptions'] : []),
    ...(has('scoring.read') ? ['nav-scores', 'nav-statistics', 'nav-quotas', 'nav-endorsements', 'nav-outlets', 'nav-scoringRules'] : []),
    'nav-notificationPrefs',
    ...(has('notification.manage') ? ['nav-notificationChannels', 'nav-notificationDeliveries'] : []),
    ...(has('release.manage') ? ['nav-releases'] : []),
    ...(has('journal.manage') ? ['nav-journals'] : []),
    ...(has('bulletin.manage') ? ['nav-bulletins'] : []),
    ...(has('bulletin.appeal') ? ['nav-openBulletins'] : []),
    ...(has('dashboard.read') ? ['nav-dashboard'] : []),
    ...(has('assessment.read') ? ['nav-assessments'] : []),
  ];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser.close());

describe('[平台] foundation flows in Chromium', () => {
  it('every demo role logs in and sees exactly its menu', async () => {
    for (const [username, role] of Object.entries(ACCOUNTS)) {
      const { context, page } = await newPage(browser);
      await login(page, username, DEMO);
      await page.getByTestId('home-greeting').waitFor();
      // The menu is its own chunk and may arrive just after the page.
      await page.getByTestId('side-menu').waitFor();
      const shown = await page.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? '').filter((id) => id !== 'nav-toggle' && id !== 'nav-drawer'));
      expect([...new Set(shown)].sort(), username).toEqual(expectedMenu(role).sort());
      await shot(page, `menu-${username}`);
      await context.close();
    }
  });

  it('admin creates a unit and a user; secadmin activates; the user changes the password and sees only their subtree; the auditor sees it all and the chain verifies', async () => {
    // admin: a new community under 城关街道, and a reviewer for it.
    const admin = await newPage(browser);
    await login(admin.page, 'admin', DEMO);
    await admin.page.getByTestId('nav-orgs').click();
    await admin.page.getByTestId('org-create').click();
    await pickTreeNode(admin.page, 'org-create-parent', '城关街道');
    await admin.page.getByTestId('org-create-name').fill('南湖社区');
    await admin.page.getByTestId('org-create-code').fill('JC-CG-NH');
    await pickOption(admin.page, 'org-create-kind', '村社区');
    await admin.page.getByTestId('org-create-submit').click();
    await admin.page.getByTestId('org-node-JC-CG-NH').waitFor();
    await shot(admin.page, 'admin-unit-created');

    await admin.page.getByTestId('nav-users').click();
    await admin.page.getByTestId('user-create').click();
    await admin.page.getByTestId('user-form-username').fill('nanhu_sj');
    await admin.page.getByTestId('user-form-name').fill('陈南湖');
    await pickTreeNode(admin.page, 'user-form-org', '南湖社区');
    await admin.page.getByTestId('user-form-password').fill('Start@2025nh');
    await admin.page.getByTestId('grant-add').click();
    await pickOption(admin.page, 'grant-role-0', '审核人');
    await pickTreeNode(admin.page, 'grant-org-0', '南湖社区');
    await admin.page.getByTestId('user-form-submit').click();
    await admin.page.getByTestId('user-activate-nanhu_sj').or(admin.page.locator('text=待启用').first()).first().waitFor();
    await shot(admin.page, 'admin-user-created');
    await expect(admin.page.getByTestId('user-activate-nanhu_sj').count()).resolves.toBe(0);
    await admin.context.close();

    // secadmin activates the pending account.
    const sec = await newPage(browser);
    await login(sec.page, 'secadmin', DEMO);
    await sec.page.getByTestId('nav-users').click();
    await sec.page.getByTestId('user-activate-nanhu_sj').click();
    await confirmPopover(sec.page);
    await sec.page.getByTestId('user-activate-nanhu_sj').waitFor({ state: 'detached' });
    await shot(sec.page, 'secadmin-activated');
    await sec.context.close();

    // The new user must change the password, then sees only 南湖社区.
    const user = await newPage(browser);
    await login(user.page, 'nanhu_sj', 'Start@2025nh');
    await user.page.getByTestId('change-password-form').waitFor();
    await user.page.getByTestId('current-password').fill('Start@2025nh');
    await user.page.getByTestId('new-password').fill('weakpass');
    await user.page.getByTestId('confirm-password').fill('weakpass');
    await user.page.getByTestId('change-password-submit').click();
    await user.page.locator('.ant-form-item-explain-error').first().waitFor();
    await shot(user.page, 'user-weak-password');
    await user.page.getByTestId('new-password').fill('Nanhu@2026ok');
    await user.page.getByTestId('confirm-password').fill('Nanhu@2026ok');
    await user.page.getByTestId('change-password-submit').click();
    await user.page.getByTestId('home-greeting').waitFor();
    const orgs = (await (await user.page.request.get('/api/orgs')).json()) as { items: Array<{ name: string }> };
    expect(orgs.items.map((o) => o.name)).toEqual(['南湖社区']);
    await user.page.getByTestId('nav-users').click();
    await user.page.getByTestId('user-table').waitFor();
    await shot(user.page, 'user-own-subtree');
    await user.context.close();

    // auditor: the actions are in the log and the chain verifies.
    const aud = await newPage(browser);
    await login(aud.page, 'auditor', DEMO);
    await aud.page.getByTestId('nav-audit').click();
    const table = aud.page.getByTestId('audit-table');
    for (const label of ['新建单位', '新建用户', '启用账号', '修改密码']) await table.getByText(label).first().waitFor();
    await aud.page.getByTestId('audit-verify').click();
    const verdict = aud.page.getByTestId('audit-verify-result');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-ok')).toBe('true');
    await shot(aud.page, 'auditor-verified');
    await aud.context.close();
  });

  it('works on a 375 px phone: login and the drawer menu', async () => {
    const { context, page } = await newPage(browser, { mobile: true });
    await login(page, 'admin', DEMO);
    await page.getByTestId('home-greeting').waitFor();
    await page.getByTestId('nav-toggle').click();
    await page.getByTestId('nav-users').click();
    await page.getByTestId('user-table').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'phone-users');
    await context.close();
  });
});
