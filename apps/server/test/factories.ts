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
        name: `用户${username.slice(-4)}`,
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
