import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookReceiver } from '../../test-support/webhook-receiver.ts';
import { baseUrl, launch, newPage, shot } from '../browser.ts';
import { apiAs, login, pickOption, pickTreeNode } from '../ui.ts';

const DEMO = 'Demo@2025';
const SECRET = 'SECe2e0123456789';

let browser: Browser;
const hooks = new WebhookReceiver();
beforeAll(async () => {
  browser = await launch();
  await hooks.start();
  // The security admin allow-lists the loopback robot, as an intranet 政务钉钉 would be.
  const sec = await apiAs(browser, baseUrl(), 'secadmin');
  await sec.send('PUT', '/sources/fetch-policy', { allowCidrs: ['127.0.0.1/32'] });
  await sec.context.close();
});
afterAll(async () => {
  await browser.close();
  await hooks.stop();
});

describe('[通知] in Chromium', () => {
  it('editor adds a signed 钉钉 robot, sends a test, and finds it in 发送记录; a reporter sets preferences', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'editor', DEMO);
    await page.getByTestId('nav-notificationChannels').click();
    await page.getByTestId('channel-create').click();
    await pickOption(page, 'channel-kind', '钉钉群机器人');
    await pickTreeNode(page, 'channel-org', '中共江城市委');
    await page.getByTestId('channel-name').fill('市委宣传部钉钉群');
    await page.getByTestId('channel-url').fill(hooks.url('/robot/send?access_token=e2etoken0123456789'));
    await page.getByTestId('channel-secret').fill(SECRET);
    await page.getByTestId('channel-save').click();
    await page.getByTestId('channel-table').getByText('市委宣传部钉钉群').waitFor();
    // The list shows the address with its token masked, never the secret.
    const listed = await page.getByTestId('channel-table').innerText();
    expect(listed).toContain('e2et****6789');
    expect(listed).not.toContain('e2etoken0123456789');
    expect(listed).not.toContain(SECRET);
    await page.getByTestId('channel-test-市委宣传部钉钉群').click();
    await page.getByText('测试消息已发送成功').waitFor();
    const hook = hooks.at('/robot/send')[0];
    expect(hook?.json).toMatchObject({ msgtype: 'markdown', markdown: { title: '宣联通知渠道测试' } });
    expect(hook?.query.get('sign')).toBeTruthy();
    await shot(page, 'notifications-01-channels');

    await page.getByTestId('nav-notificationDeliveries').click();
    await page.getByTestId('delivery-table').getByText('宣联通知渠道测试').first().waitFor();
    await page.getByTestId('delivery-table').getByText('已发送').first().waitFor();
    await shot(page, 'notifications-02-deliveries');
    await context.close();

    const r = await newPage(browser);
    await login(r.page, 'reporter', DEMO);
    await r.page.getByTestId('nav-notificationPrefs').click();
    await r.page.getByTestId('pref-email-task.due').click();
    await r.page.getByTestId('prefs-save').click();
    await r.page.getByText('通知设置已保存').waitFor();
    const api = await apiAs(browser, baseUrl(), 'reporter');
    const prefs = await api.get<{ items: Array<{ kind: string; email: boolean }> }>('/notifications/preferences');
    expect(prefs.items.find((i) => i.kind === 'task.due')?.email).toBe(true);
    await api.context.close();
    await shot(r.page, 'notifications-03-preferences');
    await r.context.close();
  });
});
