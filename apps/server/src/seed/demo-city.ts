import type { OrgKind, Role } from '@xuanlian/contracts';
import { sql } from 'drizzle-orm';
import { systemCtx, type Services } from '../core/context.ts';
import { hashPassword } from '../core/passwords.ts';
import { findOrgByCode, insertOrg } from '../modules/orgs/index.ts';
import { insertUserInTx, updateUserRow } from '../modules/users/index.ts';
import { writeAudit } from '../core/audit/audit.ts';
import { queryRows } from '../core/sql.ts';
import { seedDemoOpinion } from './demo-opinion.ts';

export const DEMO_PASSWORD = 'Demo@2025';

interface UnitSeed {
  code: string;
  name: string;
  kind: OrgKind;
  children?: UnitSeed[];
}

/** 江城市: the four kinds of office the seed documents come from, each with its own units. */
export const DEMO_TREE: UnitSeed = {
  code: 'JC',
  name: '中共江城市委',
  kind: 'party',
  children: [
    { code: 'JC-XCB', name: '市委宣传部', kind: 'party', children: [{ code: 'JC-XCB-WXB', name: '网络舆情科', kind: 'section' }] },
    {
      code: 'JC-RD',
      name: '市人大常委会办公室',
      kind: 'congress',
      children: [
        { code: 'JC-RD-ZH', name: '综合科', kind: 'section' },
        { code: 'JC-RD-YJ', name: '研究室', kind: 'section' },
        { code: 'JC-RD-LL', name: '代表联络科', kind: 'section' },
      ],
    },
    {
      code: 'JC-CG',
      name: '城关街道',
      kind: 'street',
      children: [
        { code: 'JC-CG-DZB', name: '城关街道党政办', kind: 'section' },
        { code: 'JC-CG-DM', name: '东门社区', kind: 'community' },
        { code: 'JC-CG-XG', name: '西关社区', kind: 'community' },
        { code: 'JC-CG-HW', name: '河湾村', kind: 'community' },
      ],
    },
    {
      code: 'JC-JY',
      name: '市教育局',
      kind: 'government',
      children: [
        { code: 'JC-JY-XC', name: '宣传科', kind: 'section' },
        { code: 'JC-JY-YZ', name: '江城市第一中学', kind: 'school' },
        { code: 'JC-JY-SX', name: '江城市实验小学', kind: 'school' },
        { code: 'JC-JY-ZY', name: '江城职业技术学校', kind: 'school' },
      ],
    },
  ],
};

export interface DemoAccount {
  username: string;
  name: string;
  title: string;
  orgCode: string;
  role: Role;
  grantCode: string;
  what: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', name: '刘志强', title: '信息中心主任', orgCode: 'JC-XCB', role: 'sysadmin', grantCode: 'JC', what: '系统管理员：单位、账号' },
  { username: 'secadmin', name: '陈安宁', title: '保密干部', orgCode: 'JC-XCB', role: 'secadmin', grantCode: 'JC', what: '安全管理员：启用、解锁、安全策略' },
  { username: 'auditor', name: '孙明审', title: '纪检干部', orgCode: 'JC-XCB', role: 'auditor', grantCode: 'JC', what: '审计管理员：审计日志' },
  { username: 'editor', name: '李文宣', title: '宣传办干事', orgCode: 'JC-XCB', role: 'editor', grantCode: 'JC', what: '宣传办编辑：全市稿件、用稿、通报' },
  { username: 'reporter', name: '张晓华', title: '社区信息员', orgCode: 'JC-CG-DM', role: 'reporter', grantCode: 'JC-CG-DM', what: '信息员（东门社区）：报送稿件' },
  { username: 'reviewer1', name: '王丽娟', title: '社区党委书记', orgCode: 'JC-CG-DM', role: 'reviewer', grantCode: 'JC-CG-DM', what: '审核人（东门社区负责人，初审）' },
  { username: 'reviewer2', name: '赵国庆', title: '分管宣传副主任', orgCode: 'JC-CG', role: 'reviewer', grantCode: 'JC-CG', what: '审核人（城关街道分管领导）' },
  { username: 'reviewer3', name: '周建华', title: '党工委副书记', orgCode: 'JC-CG', role: 'reviewer', grantCode: 'JC-CG', what: '审核人（城关街道主要领导/副书记）' },
  { username: 'leader', name: '吴振东', title: '宣传部部长', orgCode: 'JC-XCB', role: 'leader', grantCode: 'JC', what: '领导小组：看板、排名' },
  { username: 'monitor', name: '何敏', title: '舆情专员', orgCode: 'JC-XCB-WXB', role: 'monitor', grantCode: 'JC', what: '舆情员：舆情监测与处置' },
];

export async function isDatabaseEmpty(services: Services): Promise<boolean> {
  const rows = await queryRows<{ n: number }>(services.db, sql`select count(*)::int as n from orgs`);
  return Number(rows[0]?.n ?? 0) === 0;
}

/** Seeds the demo city in one transaction; demo accounts are active with a known password. */
export async function seedDemoCity(services: Services): Promise<void> {
  const ctx = systemCtx(services, 'seed');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await services.db.transaction(async (tx) => {
    const walk = async (unit: UnitSeed, parent: Awaited<ReturnType<typeof insertOrg>> | null, order: number) => {
      const row = await insertOrg(tx, { parent, name: unit.name, kind: unit.kind, code: unit.code, sortOrder: order });
      await writeAudit(tx, ctx, { action: 'org.create', targetType: 'org', targetId: row.id, orgId: row.id, after: { name: row.name, code: row.code } });
      for (const [i, child] of (unit.children ?? []).entries()) await walk(child, row, (i + 1) * 10);
    };
    await walk(DEMO_TREE, null, 0);
    for (const a of DEMO_ACCOUNTS) {
      const org = await findOrgByCode(tx, a.orgCode);
      const grantOrg = await findOrgByCode(tx, a.grantCode);
      if (!org || !grantOrg) throw new Error(`demo seed: unknown unit ${a.orgCode}`);
      const user = await insertUserInTx(
        tx,
        ctx,
        { all: true },
        { username: a.username, name: a.name, title: a.title, orgId: org.id, initialPassword: DEMO_PASSWORD, grants: [{ role: a.role, orgId: grantOrg.id }] },
        passwordHash,
      );
      await updateUserRow(tx, user.id, { status: 'active', mustChangePassword: false, passwordChangedAt: new Date() });
    }
  });
  await seedDemoOpinion(services);
}
