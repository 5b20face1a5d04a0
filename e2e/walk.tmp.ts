import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
async function as(user: string, mobile = false) {
  const c = await b.newContext({ baseURL: 'http://127.0.0.1:3000', locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: mobile ? { width: 375, height: 812 } : { width: 1280, height: 800 } });
  const p = await c.newPage();
  await p.goto('/login');
  await p.getByTestId('login-username').fill(user);
  await p.getByTestId('login-password').fill('Demo@2025');
  await p.getByTestId('login-submit').click();
  await p.waitForLoadState('networkidle');
  return { c, p };
}
const shots: Array<[string, string, string, boolean?]> = [
  ['editor', 'nav-assessments', 'assess'],
  ['editor', 'nav-dashboard', 'dash-editor'],
  ['leader', 'nav-dashboard', 'dash-leader'],
  ['leader', 'nav-dashboard', 'dash-leader-phone', true],
  ['editor', 'nav-adoptions', 'adoptions'],
  ['reporter', 'nav-openBulletins', 'open-bulletins'],
  ['editor', 'nav-statistics', 'stats'],
];
for (const [user, nav, name, mobile] of shots) {
  const { c, p } = await as(user, mobile);
  if (mobile) {
    await p.locator('.ant-layout-header button').first().click().catch(() => undefined);
    await p.waitForTimeout(500);
  }
  await p.getByTestId(nav).click();
  await p.waitForLoadState('networkidle');
  await p.waitForTimeout(1500);
  await p.screenshot({ path: `/tmp/walk/${name}.png`, fullPage: true });
  await c.close();
}
await b.close();
