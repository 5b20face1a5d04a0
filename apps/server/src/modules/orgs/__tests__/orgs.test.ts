import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildOrg, buildTwoTrees } from '../../../../test/factories.ts';

let t: TestApp;
let trees: Awaited<ReturnType<typeof buildTwoTrees>>;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  trees = await buildTwoTrees(t);
  admin = (await asUser(t, trees.a, 'sysadmin')).cookie;
});
afterAll(async () => t.close());

const req = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe('[单位] tree', () => {
  it('creates, renames, disables and re-enables a unit', async () => {
    const created = await req('POST', '/api/orgs', admin, { parentId: trees.a.id, name: '宣传科', kind: 'section', code: 'XC-01' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ parentId: trees.a.id, depth: 1, kind: 'section' });
    expect((await req('PATCH', `/api/orgs/${id}`, admin, { name: '宣传统战科' })).json().name).toBe('宣传统战科');
    expect((await req('PATCH', `/api/orgs/${id}`, admin, { status: 'disabled' })).json().status).toBe('disabled');
    const child = await req('POST', '/api/orgs', admin, { parentId: id, name: '下级', kind: 'section', code: 'XC-02' });
    expect(child.statusCode).toBe(409);
    expect((await req('PATCH', `/api/orgs/${id}`, admin, { status: 'active' })).json().status).toBe('active');
  });

  it('refuses a duplicate code with the field named', async () => {
    await req('POST', '/api/orgs', admin, { parentId: trees.a.id, name: '甲科', kind: 'section', code: 'DUP-1' });
    const dup = await req('POST', '/api/orgs', admin, { parentId: trees.a.id, name: '乙科', kind: 'section', code: 'DUP-1' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details[0].path).toBe('code');
  });

  it('moves a unit with its subtree, and a grant there follows it', async () => {
    const moving = await buildOrg(t, { parent: trees.a1, name: '要移动的科室' });
    const leaf = await buildOrg(t, { parent: moving, name: '下属小组' });
    const { cookie } = await asUser(t, moving, 'reporter');
    const res = await req('PATCH', `/api/orgs/${moving.id}`, admin, { parentId: trees.a2.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ parentId: trees.a2.id, depth: 2 });
    const seen = (await req('GET', '/api/orgs', cookie)).json().items.map((o: { id: string; depth: number }) => [o.id, o.depth]);
    expect(seen).toEqual([
      [moving.id, 2],
      [leaf.id, 3],
    ]);
  });

  it('refuses to move a unit under itself or its own descendant', async () => {
    const top = await buildOrg(t, { parent: trees.a });
    const below = await buildOrg(t, { parent: top });
    expect((await req('PATCH', `/api/orgs/${top.id}`, admin, { parentId: below.id })).statusCode).toBe(409);
    expect((await req('PATCH', `/api/orgs/${top.id}`, admin, { parentId: top.id })).statusCode).toBe(409);
  });

  it('rejects unknown fields and wrong types, per field, in 中文', async () => {
    const res = await req('POST', '/api/orgs', admin, { parentId: 'not-a-uuid', name: 1, kind: 'castle', code: 'A B', extra: true });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION');
    const paths = error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['parentId', 'name', 'kind', 'code']));
    expect(JSON.stringify(error.details)).toMatch(/extra|未知|无法识别/);
    expect(error.details.every((d: { message: string }) => /[\u4e00-\u9fff]/.test(d.message))).toBe(true);
  });

  it('names a field left out as 此项必填, not in zod’s type words', async () => {
    const res = await req('POST', '/api/orgs', admin, { kind: 'section' });
    expect(res.statusCode).toBe(400);
    const details: Array<{ path: string; message: string }> = res.json().error.details;
    expect(details.find((d) => d.path === 'name')?.message).toBe('此项必填');
    expect(JSON.stringify(details)).not.toMatch(/undefined|string/);
  });

  it('rejects a body over the size limit', async () => {
    const res = await req('POST', '/api/orgs', admin, { parentId: trees.a.id, name: 'x'.repeat(2 * 1024 * 1024), kind: 'section', code: 'BIG' });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
