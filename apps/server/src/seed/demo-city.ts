import { DEFAULT_CATEGORIES, DEFAULT_SECURITY_POLICY, DEFAULT_RELEASE_CHAIN, DEFAULT_SUBMISSION_CHAINS, IMPORTANCE_LABELS, type Importance, type OrgKind, type Role } from '@xuanlian/contracts';
import { reviewPolicies } from '@xuanlian/db';
import { sql } from 'drizzle-orm';
import { systemCtx, type Ctx, type Services } from '../core/context.ts';
import { loadActor } from '../modules/auth/actor.ts';
import { insertCategory, insertLeader, insertWord } from '../modules/dictionaries/index.ts';
import { createManuscript, submitManuscript, getManuscript } from '../modules/manuscripts/index.ts';
import { decideStep } from '../modules/reviews/index.ts';
import { findUserByUsername } from '../modules/users/index.ts';
import { hashPassword } from '../core/passwords.ts';
import { findOrgByCode, insertOrg } from '../modules/orgs/index.ts';
import { insertUserInTx, updateUserRow } from '../modules/users/index.ts';
import { writePolicy } from '../modules/security/index.ts';
import { writeDocumentRegister } from '../modules/document-numbers/index.ts';
import { writeAudit } from '../core/audit/audit.ts';
import { queryRows } from '../core/sql.ts';
import { seedDemoLedgers } from './demo-ledgers.ts';
import { seedDemoOpinion } from './demo-opinion.ts';
import { seedDemoScoring } from './demo-scoring.ts';
import { seedDemoReleases } from './demo-releases.ts';
import { wireModules } from '../wiring.ts';

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
  { username: 'editor2', name: '郑雅文', title: '宣传办干事', orgCode: 'JC-XCB', role: 'editor', grantCode: 'JC', what: '宣传办编辑（第二人）：核实他人登记的用稿' },
];

export async function isDatabaseEmpty(services: Services): Promise<boolean> {
  const rows = await queryRows<{ n: number }>(services.db, sql`select count(*)::int as n from orgs`);
  return Number(rows[0]?.n ?? 0) === 0;
}

/** Seeds the demo city in one transaction; demo accounts are active with a known password. */
export async function seedDemoCity(services: Services): Promise<void> {
  // The seed decides reviews before the app is built (main.ts), so the modules are wired here too.
  wireModules();
  const ctx = systemCtx(services, 'seed');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await services.db.transaction(async (tx) => {
    const walk = async (unit: UnitSeed, parent: Awaited<ReturnType<typeof insertOrg>> | null, order: number) => {
      const row = await insertOrg(tx, { parent, name: unit.name, kind: unit.kind, code: unit.code, sortOrder: order });
      await writeAudit(tx, ctx, { action: 'org.create', targetType: 'org', targetId: row.id, orgId: row.id, after: { name: row.name, code: row.code } });
      for (const [i, child] of (unit.children ?? []).entries()) await walk(child, row, (i + 1) * 10);
    };
    await walk(DEMO_TREE, null, 0);
    // The city's 通报 go out under the 宣传部's red masthead, numbered 江宣〔年〕N号.
    const city = await findOrgByCode(tx, DEMO_TREE.code);
    if (!city) throw new Error('demo seed: no city');
    await writeDocumentRegister(tx, ctx, city, 'bulletin', {
      masthead: '中共江城市委宣传部文件',
      code: '江宣',
      copyTo: '市委办公室，市人大常委会办公室，市政府办公室',
      printedBy: '中共江城市委宣传部办公室',
    });
    // The demo city has used the system since the first of the month three months back (its
    // oldest pieces are 75 days old): monthly minimums are judged from then, not for the months
    // before anyone could report.
    const back = new Date(Date.now() + 8 * 3600_000 - 90 * 86_400_000).toISOString().slice(0, 7);
    await tx.execute(sql`update orgs set created_at = ${new Date(`${back}-01T00:00:00+08:00`).toISOString()}`);
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
    await seedDictionaries(tx, ctx);
    // The demo's accounts share one printed password and are meant to be tried at once, so the
    // demo does not force a second factor on its three admins (a real install does: the default
    // is 'admins'); anyone can still enrol from 账号安全, and secadmin can switch it on in 安全策略.
    await writePolicy(tx, { ...DEFAULT_SECURITY_POLICY, requireSecondFactorFor: 'none' });
  });
  await seedDemoManuscripts(services);
  await seedDemoLedgers(services);
  await seedDemoOpinion(services);
  await seedDemoScoring(services);
  await seedDemoReleases(services);
}

type Tx = Parameters<Parameters<Services['db']['transaction']>[0]>[0];

/** Seed 004's categories and review chains, seed 003's release chain, and a starter wording list, all at the city root. */
async function seedDictionaries(tx: Tx, ctx: Ctx): Promise<void> {
  const root = await findOrgByCode(tx, 'JC');
  if (!root) throw new Error('demo seed: no root');
  for (const [i, c] of DEFAULT_CATEGORIES.entries()) await insertCategory(tx, { orgId: root.id, name: c.name, code: c.code, urgent: c.urgent, sortOrder: (i + 1) * 10 });
  const chains = Object.entries(DEFAULT_SUBMISSION_CHAINS) as Array<[Importance, unknown]>;
  for (const [importance, steps] of chains) {
    await tx.insert(reviewPolicies).values({ orgId: root.id, name: `${IMPORTANCE_LABELS[importance]}稿件审核`, purpose: 'submission', importance, steps });
  }
  await tx.insert(reviewPolicies).values({ orgId: root.id, name: '自有平台信息发布三审', purpose: 'release', steps: DEFAULT_RELEASE_CHAIN });
  const words: Array<[string, 'blocking' | 'warning', string, string]> = [
    ['绝密', 'blocking', '涉密标识', '涉密信息不得报送'],
    ['机密', 'blocking', '涉密标识', '涉密信息不得报送'],
    ['内部资料', 'blocking', '涉密标识', '内部资料不得公开报送'],
    ['国家级', 'warning', '极限用语', '请核实是否有权威认定'],
    ['史上最', 'warning', '极限用语', '避免夸大表述'],
    ['相关领导', 'warning', '不规范表述', '请写明领导姓名和职务'],
  ];
  for (const [word, level, category, note] of words) await insertWord(tx, { orgId: root.id, word, level, category, note });
  const people: Array<[string, string[]]> = [
    ['陈江平', ['市委书记']],
    ['林海涛', ['市委副书记', '市长']],
    ['吴振东', ['市委常委', '宣传部部长']],
    ['周建华', ['党工委副书记']],
    ['赵国庆', ['副主任']],
  ];
  for (const [name, titles] of people) await insertLeader(tx, { orgId: root.id, name, titles });
  await writeAudit(tx, ctx, { action: 'dictionary.create', targetType: 'demo_seed', after: { categories: DEFAULT_CATEGORIES.length, words: words.length, leaders: people.length } });
}

export async function ctxOf(services: Services, username: string): Promise<Ctx> {
  const user = await findUserByUsername(services.db, username);
  const actor = user ? await loadActor(services.db, user.id, () => false) : undefined;
  if (!actor) throw new Error(`demo seed: no user ${username}`);
  return { ...services, actor, requestId: 'seed', ip: null };
}

/** A few manuscripts in every state, through the real verbs, so the demo opens on a working flow. */
async function seedDemoManuscripts(services: Services): Promise<void> {
  const [reporter, reviewer1] = await Promise.all(['reporter', 'reviewer1'].map((u) => ctxOf(services, u)));
  if (!reporter || !reviewer1) return;
  const cats = new Map(((await services.db.execute(sql`select id, name from manuscript_categories`)) as unknown as { rows: Array<{ id: string; name: string }> }).rows.map((r) => [r.name, r.id]));
  const body = (what: string) =>
    `<p>近日，东门社区${what}。社区党委高度重视，提前制定工作方案，明确责任分工，组织党员志愿者和网格员深入楼栋，逐户宣传、逐项落实。</p><p>下一步，东门社区将持续总结经验做法，推动工作常态化、长效化，不断提升居民群众的获得感、幸福感和安全感。</p>`;
  const authors = [{ name: '张晓华', userId: null, orgId: null, orgName: null, share: 100 }];
  const make = (title: string, what: string, category: string, importance: Importance = 'general') =>
    createManuscript({ ctx: reporter, input: { title, bodyHtml: body(what), categoryId: cats.get(category) ?? null, importance, authors } });
  const approveAs = async (ctx: Ctx, id: string, decision: 'approve' | 'return' = 'approve', comment = '同意报送') => {
    const stepId = (await getManuscript({ ctx, id })).actions.decideStepId;
    if (stepId) await decideStep({ ctx, stepId, input: { decision, comment } });
  };

  await make('东门社区开展垃圾分类宣传进小区活动', '开展垃圾分类宣传进小区活动', '工作动态');
  const pending = await make('东门社区举办“邻里节”文艺汇演暨志愿服务集市', '举办“邻里节”文艺汇演暨志愿服务集市', '亮点特色');
  await submitManuscript({ ctx: reporter, id: pending.id, input: {} });
  const major = await make('城关街道召开老旧小区改造工作推进会', '配合街道召开老旧小区改造工作推进会', '经济发展', 'major_event');
  await submitManuscript({ ctx: reporter, id: major.id, input: {} });
  await approveAs(reviewer1, major.id);
  const done = await make('东门社区“红色网格”服务品牌获评全市优秀案例', '打造的“红色网格”服务品牌获评全市优秀案例', '品牌建设');
  await submitManuscript({ ctx: reporter, id: done.id, input: {} });
  await approveAs(reviewer1, done.id);
  const returned = await make('东门社区开展夏季防溺水安全教育进家庭活动', '开展夏季防溺水安全教育进家庭活动', '工作动态');
  await submitManuscript({ ctx: reporter, id: returned.id, input: {} });
  await approveAs(reviewer1, returned.id, 'return', '请补充活动覆盖的家庭户数，并附现场照片');
}
