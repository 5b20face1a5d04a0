import { crc32, deflateSync, inflateRawSync } from 'node:zlib';
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import type { APIResponse, Browser, BrowserContext, Page } from 'playwright-core';

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

/**
 * Picks `label` in an antd Select (by its test id). On a loaded machine a click can land on an
 * option the list is re-rendering (remote search, opening animation) and select nothing, so a
 * single select is checked to show the label afterwards and picked again if it does not — except
 * a picker that empties itself once it has acted (`resets`: "add this piece"), whose caller checks
 * the effect instead.
 */
export async function pickOption(page: Page, testId: string, label: string, opts: { resets?: boolean } = {}): Promise<void> {
  await pickChecked(page, testId, label, opts.resets === true, async () => {
    await page.getByTestId(testId).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
  });
}

/** Picks `label` in an antd TreeSelect, typing to filter first. */
export async function pickTreeNode(page: Page, testId: string, label: string): Promise<void> {
  await pickChecked(page, testId, label, false, async () => {
    await page.getByTestId(testId).click();
    await page.keyboard.type(label);
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: label }).first().click();
  });
}

async function pickChecked(page: Page, testId: string, label: string, resets: boolean, pick: () => Promise<void>): Promise<void> {
  const multiple = await isMultiple(page, testId);
  for (let attempt = 1; ; attempt++) {
    await pick();
    if (multiple) return; // a multi-select stays open for the next pick
    await settleDropdown(page);
    if (resets) return;
    if ((await page.getByTestId(testId).innerText()).includes(label) || attempt === 3) return;
    await page.keyboard.press('Escape');
  }
}

async function isMultiple(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).evaluate((el) => Boolean(el.closest('.ant-select')?.classList.contains('ant-select-multiple') || el.querySelector('.ant-select-multiple')));
}

/**
 * A single select closes its dropdown with an animation; on a loaded machine the next click can
 * land while the closing list still covers the form. Wait until it is gone.
 */
async function settleDropdown(page: Page): Promise<void> {
  await page
    .locator('.ant-select-dropdown:visible')
    .first()
    .waitFor({ state: 'hidden', timeout: 10_000 })
    .catch(() => undefined);
}

/**
 * Clicks OK in the Popconfirm that is open now and waits for it to close. A click that lands while
 * the popover is still zooming in can be lost on a loaded machine: then it is clicked again — but
 * not while its action runs (the OK button spins until the request answers).
 */
export async function confirmPopover(page: Page): Promise<void> {
  const ok = page.locator('.ant-popconfirm:visible .ant-btn-primary').first();
  await ok.click();
  for (let attempt = 1; attempt < 3; attempt++) {
    if (
      await ok.waitFor({ state: 'hidden', timeout: 5_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
    const busy = await ok.evaluate((el) => el.classList.contains('ant-btn-loading'), undefined, { timeout: 2_000 }).catch(() => false);
    if (!busy) await ok.click({ timeout: 2_000 }).catch(() => undefined);
  }
  await ok.waitFor({ state: 'hidden', timeout: 30_000 });
}

// ── Manuscripts: documents, photos and API shortcuts the specs build their cases with ────────

export const DEMO_PASSWORD = 'Demo@2025';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A small RGB PNG with a diagonal stripe, so two colours give two different files. */
export function makePng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8);
  ihdr.writeUInt8(2, 9);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * (width * 3 + 1) + 1 + x * 3;
      const stripe = Math.abs(x - y) < 3;
      raw[at] = stripe ? 255 : rgb[0];
      raw[at + 1] = stripe ? 255 : rgb[1];
      raw[at + 2] = stripe ? 255 : rgb[2];
    }
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export interface DocxPhoto {
  png: Buffer;
  /** The paragraph under the photo; omitted = no caption. */
  caption?: string;
}

/** A Word file as a reporter writes it: a title, paragraphs, and photos each followed by its caption. */
export async function makeDocx(opts: { title: string; paragraphs: string[]; photos: DocxPhoto[] }): Promise<Buffer> {
  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(opts.title)] })];
  opts.paragraphs.forEach((p, i) => {
    children.push(new Paragraph(p));
    const photo = opts.photos[i];
    if (!photo) return;
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: 'png', data: photo.png, transformation: { width: 160, height: 120 } })] }));
    if (photo.caption) children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(photo.caption)] }));
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** One part of a .docx (a zip): enough of the format to read word/document.xml back. */
export function readZipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLen = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLen) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLen + extra + comment;
  }
  throw new Error(`${name} not in the zip`);
}

/** The visible text of a WordprocessingML part. */
export function docxText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

export interface Api {
  context: BrowserContext;
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
  raw(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<APIResponse>;
}

/** A signed-in API client (a browser context of its own, so its cookie is its own). */
export async function apiAs(browser: Browser, baseURL: string, username: string): Promise<Api> {
  const context = await browser.newContext({ baseURL });
  const login = await context.request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  if (!login.ok()) throw new Error(`login ${username}: ${login.status()} ${await login.text()}`);
  const raw = (method: string, path: string, body?: unknown) => context.request.fetch(`/api${path}`, { method, ...(body === undefined ? {} : { data: body }) });
  const json = async <T>(res: APIResponse, what: string): Promise<T> => {
    if (!res.ok()) throw new Error(`${what}: ${res.status()} ${await res.text()}`);
    return (res.status() === 204 ? undefined : await res.json()) as T;
  };
  return {
    context,
    get: async (path) => json(await raw('GET', path), `GET ${path}`),
    send: async (method, path, body) => json(await raw(method, path, body), `${method} ${path}`),
    raw,
  };
}

interface CreatedManuscript {
  id: string;
  title: string;
  status: string;
  revision: number;
  actions: { decideStepId: string | null };
}

/** A body long enough for the default rules (正文 ≥ 50 字), about the given thing. */
export function bodyAbout(what: string): string {
  return `<p>近日，东门社区${what}。社区党委高度重视，提前制定工作方案，明确责任分工，组织党员志愿者和网格员深入楼栋，逐户宣传、逐项落实，取得了良好成效。</p><p>下一步，社区将持续总结经验做法，推动工作常态化、长效化。</p>`;
}

/** Creates (and by default submits) a manuscript through the API, the way the reporter's page would. */
export async function createManuscript(
  api: Api,
  opts: { title: string; bodyHtml: string; category?: string; importance?: 'general' | 'major_event' | 'key_decision'; authors?: unknown[]; submit?: boolean },
): Promise<CreatedManuscript> {
  const cats = await api.get<{ items: Array<{ id: string; name: string }> }>('/dictionaries/categories');
  const categoryId = cats.items.find((c) => c.name === (opts.category ?? '工作动态'))?.id ?? null;
  const m = await api.send<CreatedManuscript>('POST', '/manuscripts', {
    title: opts.title,
    bodyHtml: opts.bodyHtml,
    categoryId,
    importance: opts.importance ?? 'general',
    ...(opts.authors ? { authors: opts.authors } : {}),
  });
  if (opts.submit === false) return m;
  return api.send<CreatedManuscript>('POST', `/manuscripts/${m.id}/submit`, { idempotencyKey: `e2e-${m.id}` });
}

/** Decides the step the signed-in reviewer may decide now on a manuscript. */
export async function approveAs(api: Api, manuscriptId: string): Promise<void> {
  const m = await api.get<CreatedManuscript>(`/manuscripts/${manuscriptId}`);
  if (!m.actions.decideStepId) throw new Error(`no step to decide on ${manuscriptId}`);
  await api.send('POST', `/reviews/steps/${m.actions.decideStepId}/decisions`, { decision: 'approve', comment: '同意' });
}
