/**
 * The adoptions / endorsements / scoring / quotas / statistics rows of the scope matrix
 * (src/scope-matrix.test.ts): each builds its target inside the unit it is given. Not a test file itself.
 */
import type { Permission } from '@xuanlian/contracts';
import type { TestApp } from '../../../../test/app.ts';
import { insertManuscriptRow, type BuiltUser } from '../../../../test/factories.ts';
import type { OrgRow } from '../../orgs/index.ts';
import { ensureStandardOutlets } from '../../outlets/index.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface MatrixRoute {
  name: string;
  permission: Permission | readonly Permission[];
  ok: number;
  request: (target: OrgRow, actor: BuiltUser) => Promise<{ method: Method; url: string; payload?: object | Buffer | string; headers?: Record<string, string> }>;
}

let t: TestApp;
let outletIds: string[] = [];
let n = 0;

export async function setUpScoringRoutes(app: TestApp): Promise<void> {
  t = app;
  await ensureStandardOutlets(t.services.db);
  const { outlets } = await import('@xuanlian/db');
  outletIds = (await t.services.db.select({ id: outlets.id }).from(outlets)).map((r) => r.id);
}

const approved = (o: OrgRow, actor: BuiltUser) => insertManuscriptRow(t, { org: o, reporterId: actor.id, status: 'approved' });
const outlet = () => outletIds[n++ % outletIds.length] as string;
/** A pending adoption entered by the system, so any editor may verify it. */
async function pendingAdoption(o: OrgRow, actor: BuiltUser): Promise<string> {
  const { adoptions } = await import('@xuanlian/db');
  const m = await approved(o, actor);
  const rows = await t.services.db.insert(adoptions).values({ manuscriptId: m, orgId: o.id, outletId: outlet(), adoptedOn: '2026-01-05', enteredByName: '系统' }).returning({ id: adoptions.id });
  return rows[0]?.id ?? '';
}
const quota = (o: OrgRow) => ({ year: 2026, rows: [{ orgId: o.id, monthlySubmissions: 1, adoptionsCentral: 0, adoptionsProvince: 0, adoptionsCity: 1, adoptionsCounty: 2, points: 50 }] });

export const SCORING_ROUTES = (): MatrixRoute[] => [
  { name: 'GET /api/adoptions?orgId', permission: 'scoring.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/adoptions?orgId=${o.id}` }) },
  { name: 'GET /api/adoptions/:id', permission: 'scoring.read', ok: 200, request: async (o, a) => ({ method: 'GET', url: `/api/adoptions/${await pendingAdoption(o, a)}` }) },
  {
    name: 'POST /api/adoptions',
    permission: 'adoption.record',
    ok: 201,
    request: async (o, a) => ({ method: 'POST', url: '/api/adoptions', payload: { manuscriptId: await approved(o, a), outletId: outlet(), adoptedOn: '2026-01-06' } }),
  },
  { name: 'POST /api/adoptions/:id/verify', permission: 'scoring.manage', ok: 200, request: async (o, a) => ({ method: 'POST', url: `/api/adoptions/${await pendingAdoption(o, a)}/verify` }) },
  {
    name: 'POST /api/adoptions/:id/reject',
    permission: 'scoring.manage',
    ok: 200,
    request: async (o, a) => ({ method: 'POST', url: `/api/adoptions/${await pendingAdoption(o, a)}/reject`, payload: { reason: '报样不清' } }),
  },
  { name: 'GET /api/endorsements?orgId', permission: 'scoring.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/endorsements?orgId=${o.id}` }) },
  {
    name: 'POST /api/endorsements',
    permission: 'scoring.manage',
    ok: 201,
    request: async (o, a) => ({ method: 'POST', url: '/api/endorsements', payload: { manuscriptId: await approved(o, a), leaderLevel: 'city', leaderName: '市长', endorsedOn: '2026-01-07' } }),
  },
  { name: 'GET /api/scoring-rules/explain?orgId', permission: 'scoring.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/scoring-rules/explain?orgId=${o.id}` }) },
  { name: 'GET /api/quotas?orgId', permission: 'scoring.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/quotas?year=2026&orgId=${o.id}` }) },
  { name: 'PUT /api/quotas', permission: 'scoring.manage', ok: 200, request: async (o) => ({ method: 'PUT', url: '/api/quotas', payload: quota(o) }) },
  { name: 'GET /api/statistics?orgId', permission: 'scoring.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/statistics?grain=year&period=2026&orgId=${o.id}` }) },
  {
    name: 'GET /api/statistics/export.xlsx?orgId',
    permission: 'scoring.read',
    ok: 200,
    request: async (o) => ({ method: 'GET', url: `/api/statistics/export.xlsx?grain=month&period=2026-01&orgId=${o.id}` }),
  },
  { name: 'GET /api/statistics/trend?orgId', permission: 'scoring.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/statistics/trend?year=2026&orgId=${o.id}` }) },
];
