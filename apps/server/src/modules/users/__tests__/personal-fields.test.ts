import { auditLogs } from '@xuanlian/db';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildTwoTrees, loginAs } from '../../../../test/factories.ts';
import { openField, sealField } from '../../../core/fields.ts';
import { queryRows } from '../../../core/sql.ts';
import { sealPlainPhones } from '../index.ts';

let t: TestApp;
let trees: Awaited<ReturnType<typeof buildTwoTrees>>;
let admin: string;
let secadmin: string;
let outsider: string;
beforeAll(async () => {
  t = await createTestApp();
  trees = await buildTwoTrees(t);
  admin = (await asUser(t, trees.a, 'sysadmin')).cookie;
  secadmin = (await asUser(t, trees.a, 'secadmin')).cookie;
  outsider = (await asUser(t, trees.b, 'sysadmin')).cookie;
});
afterAll(async () => t.close());

const req = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const rawPhone = async (id: string) => (await queryRows<{ phone: string | null; phone_index: string | null }>(t.services.db, sql`select phone, phone_index from users where id = ${id}`))[0];
const reveals = async (id: string) =>
  (
    await t.services.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, 'user.reveal'), eq(auditLogs.targetId, id)))
  ).length;

let seq = 0;
async function personWithPhone(phone: string) {
  const res = await req('POST', '/api/users', admin, {
    username: `ph${process.pid}${++seq}`,
    name: '持号人',
    phone,
    orgId: trees.a1.id,
    initialPassword: 'Start@2025x',
    grants: [{ role: 'reporter', orgId: trees.a1.id }],
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; username: string; phone: string };
}

describe('[个人信息] phone numbers sealed with SM4, masked, revealed with an audit row', () => {
  it('the phone column holds SM4 ciphertext that decrypts to the number; the API shows it masked', async () => {
    const user = await personWithPhone('13812341234');
    expect(user.phone).toBe('138****1234');
    const stored = await rawPhone(user.id);
    expect(stored?.phone).toMatch(/^sm4:v1:/);
    expect(stored?.phone).not.toContain('13812341234');
    expect(stored?.phone_index).not.toContain('1234');
    expect(openField(t.services.config.auditKey, stored?.phone ?? null)).toBe('13812341234');
    // Sealed twice, the same number gives different ciphertexts (random IV), the same index.
    expect(sealField(t.services.config.auditKey, '13812341234')).not.toBe(stored?.phone);

    const list = await req('GET', `/api/users?orgId=${trees.a1.id}`, admin);
    const mine = list.json().items.find((u: { id: string }) => u.id === user.id);
    expect(mine.phone).toBe('138****1234');
    expect(list.body).not.toContain('13812341234');
    // The audit row of the creation does not carry the number either.
    const created = await t.services.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, 'user.create'), eq(auditLogs.targetId, user.id)));
    expect(JSON.stringify(created[0]?.after)).not.toContain('13812341234');

    // Search by the whole number still finds the person, through the blind index.
    const found = await req('GET', '/api/users?q=13812341234', admin);
    expect(found.json().items.map((u: { id: string }) => u.id)).toEqual([user.id]);
  });

  it('a changed number is sealed again; tampering with the ciphertext is detected', async () => {
    const user = await personWithPhone('13900000001');
    const changed = await req('PATCH', `/api/users/${user.id}`, admin, { phone: '13900000002' });
    expect(changed.json().phone).toBe('139****0002');
    const stored = (await rawPhone(user.id))?.phone ?? '';
    expect(openField(t.services.config.auditKey, stored)).toBe('13900000002');
    const [head, iv, data, mac] = stored.split(/:(?=[^:]*:[^:]*:[^:]*$)|:(?=[^:]*:[^:]*$)|:(?=[^:]*$)/);
    const flipped = `${head}:${iv}:${Buffer.from(Buffer.from(data ?? '', 'base64').map((b, i) => (i === 0 ? b ^ 1 : b))).toString('base64')}:${mac}`;
    expect(() => openField(t.services.config.auditKey, flipped)).toThrow(/校验失败/);
  });

  it('reveal: the person themself and admins within scope see the number, each time audited; others do not', async () => {
    const user = await personWithPhone('13712345678');
    const byAdmin = await req('POST', `/api/users/${user.id}/reveal`, admin);
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json()).toEqual({ phone: '13712345678' });
    expect((await req('POST', `/api/users/${user.id}/reveal`, secadmin)).json()).toEqual({ phone: '13712345678' });
    expect(await reveals(user.id)).toBe(2);
    // Outside the sysadmin's subtree: 404, and nothing revealed.
    expect((await req('POST', `/api/users/${user.id}/reveal`, outsider)).statusCode).toBe(404);
    // A colleague without user.reveal (an editor reads users but may not see their phones).
    const editor = (await asUser(t, trees.a, 'editor')).cookie;
    expect((await req('POST', `/api/users/${user.id}/reveal`, editor)).statusCode).toBe(403);
    expect(await reveals(user.id)).toBe(2);
    // The person themself (after activation).
    await req('POST', `/api/users/${user.id}/activate`, secadmin);
    let self = await loginAs(t, { username: user.username, password: 'Start@2025x' });
    expect((await req('POST', '/api/auth/password', self, { currentPassword: 'Start@2025x', newPassword: 'Mine@2025xy' })).statusCode).toBe(204);
    self = await loginAs(t, { username: user.username, password: 'Mine@2025xy' });
    expect((await req('POST', `/api/users/${user.id}/reveal`, self)).json()).toEqual({ phone: '13712345678' });
    expect(await reveals(user.id)).toBe(3);
    const row = await t.services.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, 'user.reveal'), eq(auditLogs.targetId, user.id)));
    expect(JSON.stringify(row.map((r) => r.after))).not.toContain('13712345678');
  });

  it('plaintext phones from before encryption read masked, and the startup pass seals them (idempotent)', async () => {
    const user = await personWithPhone('13600000000');
    await t.services.db.execute(sql`update users set phone = '13611112222', phone_index = null where id = ${user.id}`);
    const list = await req('GET', `/api/users?orgId=${trees.a1.id}`, admin);
    expect(list.json().items.find((u: { id: string }) => u.id === user.id).phone).toBe('136****2222');
    const [a, b] = await Promise.all([sealPlainPhones(t.services.db, t.services.config.auditKey), sealPlainPhones(t.services.db, t.services.config.auditKey)]);
    expect((a ?? 0) + (b ?? 0)).toBe(1);
    const stored = await rawPhone(user.id);
    expect(stored?.phone).toMatch(/^sm4:v1:/);
    expect(openField(t.services.config.auditKey, stored?.phone ?? null)).toBe('13611112222');
    expect(await sealPlainPhones(t.services.db, t.services.config.auditKey)).toBe(0);
    const found = await req('GET', '/api/users?q=13611112222', admin);
    expect(found.json().items.map((u: { id: string }) => u.id)).toEqual([user.id]);
  });
});
