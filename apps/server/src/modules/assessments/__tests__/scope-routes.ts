/** The assessment and dashboard rows of the scope matrix (src/scope-matrix.test.ts). Not a test file itself. */
import type { Permission } from '@xuanlian/contracts';
import type { BuiltUser } from '../../../../test/factories.ts';
import type { OrgRow } from '../../orgs/index.ts';

interface Case {
  name: string;
  permission: Permission;
  ok: number;
  request: (target: OrgRow, actor: BuiltUser) => Promise<{ method: 'GET' | 'PUT'; url: string; payload?: object }>;
}

const weights = { points: 40, quota: 30, targets: 15, tasks: 15, praiseTop: 3, praiseThreshold: 0, criticiseBottom: 1 };

export const ASSESSMENT_ROUTES = (): Case[] => [
  { name: 'GET /api/assessments?orgId', permission: 'assessment.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/assessments?year=2026&orgId=${o.id}` }) },
  { name: 'GET /api/assessments/export.xlsx?orgId', permission: 'assessment.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/assessments/export.xlsx?year=2026&orgId=${o.id}` }) },
  { name: 'GET /api/dashboard?orgId', permission: 'dashboard.read', ok: 200, request: async (o) => ({ method: 'GET', url: `/api/dashboard?grain=year&period=2026&orgId=${o.id}` }) },
  {
    name: 'PUT /api/assessments/weights',
    permission: 'assessment.manage',
    ok: 200,
    request: async (o) => ({ method: 'PUT', url: '/api/assessments/weights', payload: { year: 2026, orgId: o.id, weights } }),
  },
];
