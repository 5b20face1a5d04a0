import type { Page } from 'playwright-core';

/** Shared moves of the antd UI, so specs read as the user's steps. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

export async function logout(page: Page): Promise<void> {
  await page.context().clearCookies();
}

/** Picks `label` in an antd Select (by its test id). */
export async function pickOption(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
}

/** Picks `label` in an antd TreeSelect, typing to filter first. */
export async function pickTreeNode(page: Page, testId: string, label: string): Promise<void> {
  const box = page.getByTestId(testId);
  await box.click();
  await page.keyboard.type(label);
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: label }).first().click();
}
