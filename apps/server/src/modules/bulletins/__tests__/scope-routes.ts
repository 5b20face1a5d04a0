import { bulletins } from '@xuanlian/db';
import type { Permission } from '@xuanlian/contracts';
import { eq } from 'drizzle-orm';
import type { TestApp } from '../../../../test/app.ts';
import type { OrgRow } from '../../orgs/index.ts';
import { createAppeal, draftBulletin, publishBulletin } from '../index.ts';

type Req = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: object };
interface Case {
  name: string;
  permission: Permission | readonly Permission[];
  ok: number;
  request: (target: OrgRow) => Promise<Req>;
}

/** Bulletins (通报) of the target unit, made by the system, for the scope matrix (src/scope-matrix.test.ts). */
export function BULLETIN_ROUTES(get: () => { t: TestApp }): Case[] {
  const draftOf = async (o: OrgRow) => (await draftBulletin({ ctx: get().t.system, input: { orgId: o.id, grain: 'quarter', period: '2026-Q1', commendTop: 3, appealDays: 3 } })).id;
  const publishedOf = async (o: OrgRow) => {
    const id = await draftOf(o);
    await publishBulletin({ ctx: get().t.system, id, version: 1 });
    return id;
  };
  /** Published, with its window already over and no appeals: ready for 定稿. */
  const closedOf = async (o: OrgRow) => {
    const id = await publishedOf(o);
    await get()
      .t.services.db.update(bulletins)
      .set({ appealUntil: new Date(Date.now() - 1000) })
      .where(eq(bulletins.id, id));
    return id;
  };
  const appealOf = async (o: OrgRow) => {
    const id = await publishedOf(o);
    const appeal = await createAppeal({ ctx: get().t.system, bulletinId: id, input: { orgId: o.id, reason: '矩阵异议理由' } });
    return { id, appealId: appeal.id };
  };
  const MANAGE = 'bulletin.manage';
  return [
    { name: 'GET /api/bulletins?orgId', permission: MANAGE, ok: 200, request: async (o) => ({ method: 'GET', url: `/api/bulletins?orgId=${o.id}` }) },
    { name: 'POST /api/bulletins', permission: MANAGE, ok: 201, request: async (o) => ({ method: 'POST', url: '/api/bulletins', payload: { orgId: o.id, grain: 'month', period: '2026-01' } }) },
    { name: 'GET /api/bulletins/:id', permission: MANAGE, ok: 200, request: async (o) => ({ method: 'GET', url: `/api/bulletins/${await draftOf(o)}` }) },
    {
      name: 'PATCH /api/bulletins/:id',
      permission: MANAGE,
      ok: 200,
      request: async (o) => ({ method: 'PATCH', url: `/api/bulletins/${await draftOf(o)}`, payload: { version: 1, text: { closing: '矩阵结尾' } } }),
    },
    {
      name: 'POST /api/bulletins/:id/regenerate',
      permission: MANAGE,
      ok: 200,
      request: async (o) => ({ method: 'POST', url: `/api/bulletins/${await draftOf(o)}/regenerate`, payload: { version: 1 } }),
    },
    { name: 'POST /api/bulletins/:id/publish', permission: MANAGE, ok: 200, request: async (o) => ({ method: 'POST', url: `/api/bulletins/${await draftOf(o)}/publish`, payload: { version: 1 } }) },
    { name: 'POST /api/bulletins/:id/finalize', permission: MANAGE, ok: 200, request: async (o) => ({ method: 'POST', url: `/api/bulletins/${await closedOf(o)}/finalize`, payload: { version: 2 } }) },
    {
      name: 'POST /api/bulletins/:id/appeals',
      permission: 'bulletin.appeal',
      ok: 201,
      request: async (o) => ({ method: 'POST', url: `/api/bulletins/${await publishedOf(o)}/appeals`, payload: { orgId: o.id, reason: '矩阵单位提出异议' } }),
    },
    {
      name: 'POST /api/bulletins/:id/appeals/:appealId/answer',
      permission: MANAGE,
      ok: 200,
      request: async (o) => {
        const { id, appealId } = await appealOf(o);
        return { method: 'POST', url: `/api/bulletins/${id}/appeals/${appealId}/answer`, payload: { answer: '矩阵答复' } };
      },
    },
    { name: 'GET /api/bulletins/:id/docx', permission: [MANAGE, 'bulletin.appeal'], ok: 200, request: async (o) => ({ method: 'GET', url: `/api/bulletins/${await publishedOf(o)}/docx` }) },
    {
      name: 'GET /api/bulletins/:id/annex.xlsx',
      permission: [MANAGE, 'bulletin.appeal'],
      ok: 200,
      request: async (o) => ({ method: 'GET', url: `/api/bulletins/${await publishedOf(o)}/annex.xlsx` }),
    },
  ];
}
