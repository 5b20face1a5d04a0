import type { OrgKind, Role } from '@xuanlian/contracts';
import { hashPassword } from '../src/core/passwords.ts';
import { findOrgById, insertOrg, type OrgRow } from '../src/modules/orgs/index.ts';
import { insertUserInTx, updateUserRow } from '../src/modules/users/index.ts';
import type { TestApp } from './app.ts';

let seq = 0;
const next = () => `${process.pid}${++seq}`;
export const TEST_PASSWORD = 'Test@2025pw';
let hashed: Promise<string> | undefined;

export async function buildOrg(t: TestApp, opts: { parent?: OrgRow | null; name?: string; kind?: OrgKind } = {}): Promise<OrgRow> {
  const n = next();
  return insertOrg(t.services.db, {
    parent: opts.parent ?? null,
    name: opts.name ?? `测试单位${n}`,
    kind: opts.kind ?? 'section',
    code: `T${n}`,
    sortOrder: 0,
  });
}

/** Builds A (root) with children A1, A2, and an unrelated root B with child B1. */
export async function buildTwoTrees(t: TestApp) {
  const a = await buildOrg(t, { name: '甲单位', kind: 'street' });
  const a1 = await buildOrg(t, { parent: a, name: '甲一社区', kind: 'community' });
  const a2 = await buildOrg(t, { parent: a, name: '甲二社区', kind: 'community' });
  const b = await buildOrg(t, { name: '乙单位', kind: 'government' });
  const b1 = await buildOrg(t, { parent: b, name: '乙一学校', kind: 'school' });
  return { a, a1, a2, b, b1 };
}

export interface BuiltUser {
  id: string;
  username: string;
  password: string;
  orgId: string;
}

export async function buildUser(
  t: TestApp,
  opts: {
    org: OrgRow;
    roles?: Array<{ role: Role; org?: OrgRow }>;
    status?: 'active' | 'pending' | 'disabled';
    mustChangePassword?: boolean;
    username?: string;
    /** 职务, e.g. 分管宣传副主任: review steps can pick reviewers by it. */
    title?: string;
    name?: string;
  },
): Promise<BuiltUser> {
  hashed ??= hashPassword(TEST_PASSWORD);
  const username = opts.username ?? `u${next()}`;
  const org = (await findOrgById(t.services.db, opts.org.id)) ?? opts.org;
  const user = await t.services.db.transaction(async (tx) => {
    const u = await insertUserInTx(
      tx,
      t.system,
      { all: true },
      {
        username,
        name: opts.name ?? `用户${username.slice(-4)}`,
        ...(opts.title ? { title: opts.title } : {}),
        orgId: org.id,
        initialPassword: TEST_PASSWORD,
        grants: (opts.roles ?? []).map((r) => ({ role: r.role, orgId: (r.org ?? org).id })),
      },
      await (hashed as Promise<string>),
    );
    await updateUserRow(tx, u.id, {
      status: opts.status ?? 'active',
      mustChangePassword: opts.mustChangePassword ?? false,
      passwordChangedAt: new Date(),
    });
    return u;
  });
  return { id: user.id, username, password: TEST_PASSWORD, orgId: org.id };
}

/** Logs in through the real endpoint and returns the Cookie header to send. */
/** One login attempt as a client sends it, answered whatever it is (for lockout and audit tests). */
export const loginRequest = (t: TestApp, username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

export async function loginAs(t: TestApp, user: { username: string; password?: string }): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: user.username, password: user.password ?? TEST_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login ${user.username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'xl_session');
  if (!cookie) throw new Error('no session cookie');
  return `xl_session=${cookie.value}`;
}

export async function asUser(t: TestApp, org: OrgRow, role: Role, grantOrg?: OrgRow): Promise<{ user: BuiltUser; cookie: string }> {
  const user = await buildUser(t, { org, roles: [{ role, org: grantOrg ?? org }] });
  return { user, cookie: await loginAs(t, user) };
}

// ── manuscripts ────────────────────────────────────────────────────────────────────────────────
export const GOOD_TITLE = '东门社区开展邻里互助志愿服务活动';
export const GOOD_BODY =
  '<p>3月24日，东门社区组织党员志愿者走进辖区老旧小区，开展邻里互助志愿服务活动，为独居老人上门理发、打扫卫生、检查用电安全。</p>' +
  '<p>活动共服务群众六十余人次，收集意见建议十二条，均已登记造册并逐条落实。</p>';

/** The seed-004 categories owned by `org` (they then apply to its whole subtree); name → id. */
export async function buildCategories(t: TestApp, org: OrgRow): Promise<Record<string, string>> {
  const { DEFAULT_CATEGORIES } = await import('@xuanlian/contracts');
  const { insertCategory } = await import('../src/modules/dictionaries/index.ts');
  const out: Record<string, string> = {};
  for (const [i, c] of DEFAULT_CATEGORIES.entries()) {
    out[c.name] = await insertCategory(t.services.db, { orgId: org.id, name: c.name, code: c.code, urgent: c.urgent, sortOrder: i * 10 });
  }
  return out;
}

/** A reporter's draft made through the API, complete enough to pass the default check. */
export async function buildManuscript(t: TestApp, cookie: string, input: Record<string, unknown> = {}): Promise<{ id: string; revision: number; [k: string]: unknown }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/manuscripts',
    headers: { cookie },
    payload: { title: GOOD_TITLE, bodyHtml: GOOD_BODY, authors: [{ name: '张晓华', share: 100 }], ...input },
  });
  if (res.statusCode !== 201) throw new Error(`create manuscript failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** The text of a .docx's main part (tags dropped), to assert what a generated document says. */
export async function docxText(buf: Buffer): Promise<string> {
  const { inspectZip, readEntry } = await import('../src/core/files/archive.ts');
  const entry = inspectZip(buf).find((e) => e.name === 'word/document.xml');
  if (!entry) throw new Error('no word/document.xml');
  return readEntry(buf, entry)
    .toString('utf8')
    .replace(/<[^>]+>/g, '');
}

/**
 * A manuscript row straight into the table (no chain, no checks), for tests that need one in a
 * given state at a given unit, e.g. the scope matrix. Content passes the default check.
 */
export async function insertManuscriptRow(t: TestApp, opts: { org: OrgRow; reporterId: string; status?: string; categoryId?: string | null }): Promise<string> {
  const { manuscripts } = await import('@xuanlian/db');
  const status = opts.status ?? 'submitted';
  const submitted = status === 'draft' ? null : new Date();
  const rows = await t.services.db
    .insert(manuscripts)
    .values({
      orgId: opts.org.id,
      reporterId: opts.reporterId,
      title: GOOD_TITLE,
      bodyHtml: GOOD_BODY,
      categoryId: opts.categoryId ?? null,
      authors: [{ name: '张晓华', userId: null, orgId: null, orgName: null, share: 100 }],
      status,
      contentHash: `seed-${Math.random()}`,
      submittedAt: submitted,
      firstSubmittedAt: submitted,
    })
    .returning({ id: manuscripts.id });
  return rows[0]?.id ?? '';
}

/** A pending first step of a manuscript, decidable by `assigneeIds`. */
export async function insertPendingStep(t: TestApp, manuscriptId: string, assigneeIds: string[]): Promise<string> {
  const { reviewAssignees, reviewSteps } = await import('@xuanlian/db');
  const rows = await t.services.db
    .insert(reviewSteps)
    .values({
      manuscriptId,
      position: 0,
      name: '单位负责人审核',
      role: 'reviewer',
      resolve: 'own_unit',
      status: 'pending',
      round: 1,
      activatedAt: new Date(),
      deadlineAt: new Date(Date.now() + 86_400_000),
    })
    .returning({ id: reviewSteps.id });
  const stepId = rows[0]?.id ?? '';
  if (assigneeIds.length > 0) await t.services.db.insert(reviewAssignees).values(assigneeIds.map((userId) => ({ stepId, userId, manuscriptId })));
  return stepId;
}

/** A stored image linked to a manuscript; returns its sha256. */
export async function linkTestImage(t: TestApp, manuscriptId: string): Promise<string> {
  const { manuscriptFiles } = await import('@xuanlian/db');
  const { recordFile } = await import('../src/core/files/index.ts');
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
  // Blobs are content-addressed: a unique tail makes a file of its own, reachable only through this manuscript.
  const stored = await t.services.files.put(Buffer.concat([png, Buffer.from(`#${manuscriptId}`)]), { maxBytes: 1024 * 1024 });
  await recordFile(t.services.db, stored, { uploadedBy: null });
  await t.services.db.insert(manuscriptFiles).values({ manuscriptId, sha256: stored.sha256, kind: 'image', name: 'p.png' }).onConflictDoNothing();
  return stored.sha256;
}

/**
 * A session made directly, without the login endpoint's password hashing: for tests that need
 * dozens of signed-in users (the real login path is covered by the auth tests).
 */
export async function sessionCookie(t: TestApp, user: { id: string }): Promise<string> {
  const { sessions } = await import('@xuanlian/db');
  const { randomBytes, createHash } = await import('node:crypto');
  const token = randomBytes(32).toString('base64url');
  await t.services.db.insert(sessions).values({ id: createHash('sha256').update(token).digest('hex'), userId: user.id });
  return `xl_session=${token}`;
}
