import type { Role, VenueType } from '@xuanlian/contracts';
import { systemCtx, type Actor, type Ctx, type Services } from '../core/context.ts';
import { addDays, chinaDate } from '../core/china-time/index.ts';
import { hashPassword } from '../core/passwords.ts';
import { createActivity, ensureDefaultTypes, listTypes } from '../modules/activities/index.ts';
import { findOrgByCode } from '../modules/orgs/index.ts';
import { createPlan, reportProgress } from '../modules/plans/index.ts';
import { findUserByUsername, grantsOf, insertUserInTx, updateUserRow } from '../modules/users/index.ts';
import { DEMO_PASSWORD } from './demo-city.ts';
import { periodOf } from '../modules/targets/index.ts';

/**
 * A year of 台账 for a few units of the demo city, and seed 000's 两会 plan with two tasks
 * assigned, so every ledger page has something true to show on first start. Dates are relative
 * to today; 东门社区 is kept one 中心组学习 behind the pace so recording one turns it green.
 */

/**
 * Committee members who attend but never sign in to do anything (no roles). Kept few: the user
 * admin list shows 20 a page and the foundation flow expects a new account on the first page.
 */
const MEMBERS: Record<string, string[]> = {
  'JC-CG-DM': ['刘建国', '陈秀英', '杨志明'],
  'JC-CG': ['黄海涛', '林晓燕'],
  'JC-JY-YZ': ['孙卫东', '朱红梅'],
};

/** A deterministic sequence, so a demo looks the same on every machine. */
function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

async function actorFor(services: Services, username: string): Promise<Ctx> {
  const user = await findUserByUsername(services.db, username);
  if (!user) throw new Error(`demo seed: no user ${username}`);
  const grants = (await grantsOf(services.db, [user.id])).map((g) => ({ role: g.role as Role, orgId: g.orgId, orgPath: g.orgPath, orgName: g.orgName }));
  const actor: Actor = { type: 'user', userId: user.id, username, name: user.name, orgId: user.orgId, grants, mustChangePassword: false };
  return { ...systemCtx(services, 'seed'), actor };
}

async function addMembers(services: Services): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ctx = systemCtx(services, 'seed');
  await services.db.transaction(async (tx) => {
    let n = 0;
    for (const [code, names] of Object.entries(MEMBERS)) {
      const org = await findOrgByCode(tx, code);
      if (!org) continue;
      for (const name of names) {
        const u = await insertUserInTx(tx, ctx, { all: true }, { username: `member${++n}`, name, orgId: org.id, initialPassword: DEMO_PASSWORD, grants: [] }, passwordHash);
        // 无角色的班子成员：可被登记为参学人员，登录后看不到任何业务数据。
        await updateUserRow(tx, u.id, { status: 'active', mustChangePassword: false, passwordChangedAt: new Date() });
      }
    }
  });
}

interface UnitPlan {
  code: string;
  recorder: string | null;
  study: number;
  lectures: VenueType[];
  seminarsPerQuarter: number;
  trainings: number;
  boards: number;
  volunteer: number;
}

const TOPICS = ['学习贯彻党的二十届三中全会精神', '学习全国两会精神', '学习《中国共产党宣传工作条例》', '意识形态工作专题学习', '学习习近平文化思想', '党纪学习教育专题学习'];

export async function seedDemoLedgers(services: Services): Promise<void> {
  await addMembers(services);
  await ensureDefaultTypes(services.db);
  const types = Object.fromEntries((await listTypes(services.db)).map((t) => [t.code ?? t.name, t.id]));
  const today = chinaDate();
  const year = Number(today.slice(0, 4));
  const yesterday = addDays(today, -1);
  const pace = Math.floor(12 * periodOf(year, today).elapsed);
  const rand = rng(20250305);
  const units: UnitPlan[] = [
    // 市委理论学习中心组: the office's own unit keeps pace, so its page opens on a ledger, not a wall of red.
    { code: 'JC', recorder: null, study: pace, lectures: ['organ', 'enterprise', 'community', 'campus', 'rural'], seminarsPerQuarter: 1, trainings: 2, boards: 4, volunteer: 2 },
    { code: 'JC-CG-DM', recorder: 'reporter', study: Math.max(pace - 1, 0), lectures: ['community', 'rural'], seminarsPerQuarter: 0, trainings: 1, boards: 3, volunteer: 6 },
    { code: 'JC-CG', recorder: null, study: pace, lectures: ['organ', 'enterprise', 'community', 'rural'], seminarsPerQuarter: 1, trainings: 2, boards: 4, volunteer: 4 },
    { code: 'JC-JY-YZ', recorder: null, study: pace, lectures: ['campus', 'campus'], seminarsPerQuarter: 1, trainings: 1, boards: 6, volunteer: 2 },
    { code: 'JC-RD', recorder: null, study: Math.max(pace - 3, 0), lectures: ['organ'], seminarsPerQuarter: 1, trainings: 2, boards: 2, volunteer: 1 },
  ];
  for (const u of units) {
    const org = await findOrgByCode(services.db, u.code);
    if (!org) continue;
    const ctx = u.recorder ? await actorFor(services, u.recorder) : systemCtx(services, 'seed');
    const roster = MEMBERS[u.code] ? await listRoster(services, org.id) : [];
    // Spread n events over the year so far, never in the future.
    const dates = (n: number, offset: number) =>
      Array.from({ length: n }, (_, i) => {
        const day = Math.min(1 + Math.floor(((i + 0.5) / Math.max(n, 1)) * (periodOf(year, today).elapsed * 365 - 2)) + offset, 364);
        const d = addDays(`${year}-01-01`, day);
        return d > yesterday ? yesterday : d;
      });
    const record = async (type: string, heldOn: string, venueType: VenueType, topic: string, withRoster: boolean, outside = 0) => {
      const attendees = withRoster
        ? roster.map((p, i) => {
            const r = rand();
            if (i === 0 || r > 0.15) return { userId: p, status: 'present' as const };
            return r > 0.07
              ? { userId: p, status: 'makeup' as const, absenceReason: '外出公务', makeupOn: addDays(heldOn, 3) < today ? addDays(heldOn, 3) : heldOn }
              : { userId: p, status: 'absent' as const, absenceReason: '病假' };
          })
        : [];
      await createActivity({
        ctx,
        input: {
          orgId: org.id,
          typeId: types[type] ?? '',
          heldOn,
          place: venueType === 'organ' ? '机关会议室' : venueType === 'campus' ? '学校报告厅' : venueType === 'rural' ? '村文化广场' : venueType === 'enterprise' ? '企业职工之家' : '党群服务中心',
          venueType,
          topic,
          speaker: type === 'study' ? '党组织书记' : type === 'lecture' ? '宣讲团成员' : '',
          outsideCount: outside,
          minutes: type === 'study' ? `传达学习${topic.replace(/^学习/u, '')}。\n班子成员逐一交流发言，结合分管工作谈认识、提措施。` : '',
          examPassMark: null,
          attendees,
          files: [],
        },
      });
    };
    for (const [i, d] of dates(u.study, 0).entries()) await record('study', d, 'organ', TOPICS[i % TOPICS.length] ?? '', roster.length > 0);
    for (const [i, v] of u.lectures.entries()) await record('lecture', dates(u.lectures.length, 7)[i] ?? yesterday, v, '全国两会精神进基层宣讲', false, 30 + Math.floor(rand() * 90));
    for (const d of dates(Math.min(u.seminarsPerQuarter * 4, Math.ceil(periodOf(year, today).elapsed * 4)), 12)) await record('seminar', d, 'organ', '围绕中心工作开展专题研讨', roster.length > 0);
    for (const d of dates(u.trainings, 20)) await record('training', d, 'organ', '信息员业务培训', roster.length > 0, 15);
    for (const d of dates(u.boards, 4)) await record('board', d, 'organ', '宣传栏内容更新', false);
    for (const d of dates(u.volunteer, 9)) await record('volunteer', d, 'community', '新时代文明实践志愿服务', false, 10);
    // Seed 001 is the 人大办's own report: its 党组会议, 每周一学, 新闻发布会 and 座谈会 go in the ledger too.
    if (u.code === 'JC-RD') {
      for (const d of dates(3, 2)) await record('party_group_meeting', d, 'organ', '党组会议研究意识形态工作', roster.length > 0);
      for (const d of dates(6, 5)) await record('weekly_study', d, 'organ', '“每周一学”集体学习', roster.length > 0);
      for (const d of dates(2, 15)) await record('press_conference', d, 'organ', '人大常委会新闻发布会', false);
      for (const d of dates(2, 25)) await record('symposium', d, 'organ', '人大代表座谈会', false, 20);
    }
  }
  await seedTwoSessionsPlan(services, year, today);
}

async function listRoster(services: Services, orgId: string): Promise<string[]> {
  const users = await services.db.query.users.findMany({ where: (t, { eq }) => eq(t.orgId, orgId) });
  return users.filter((u) => u.status === 'active').map((u) => u.id);
}

/** Seed 000's phases and tasks, dated in this year; two tasks assigned and under way. */
async function seedTwoSessionsPlan(services: Services, year: number, today: string): Promise<void> {
  const xcb = await findOrgByCode(services.db, 'JC-XCB');
  const street = await findOrgByCode(services.db, 'JC-CG');
  const community = await findOrgByCode(services.db, 'JC-CG-DM');
  const edu = await findOrgByCode(services.db, 'JC-JY');
  if (!xcb || !street || !community || !edu) return;
  const task = (title: string, deadline: string, extra: { leadOrgId?: string; cooperatingOrgIds?: string[] } = {}) => ({
    title,
    description: '',
    deadline,
    deadlineText: null,
    leadOrgId: extra.leadOrgId ?? null,
    cooperatingOrgIds: extra.cooperatingOrgIds ?? [],
  });
  const ctx = await actorFor(services, 'editor');
  const plan = await createPlan({
    ctx,
    input: {
      orgId: xcb.id,
      title: `${year}年全国两会精神宣传工作方案`,
      year,
      phases: [
        {
          name: '会前预热',
          startOn: `${year}-02-21`,
          endOn: `${year}-03-10`,
          tasks: [task('制定宣讲方案', `${year}-03-10`), task('组建宣讲队伍', `${year}-03-10`), task('做好宣传报道准备工作', `${year}-03-10`)],
        },
        {
          name: '会中聚焦',
          startOn: `${year}-03-11`,
          endOn: `${year}-03-20`,
          tasks: [task('实时跟进两会动态', `${year}-03-20`), task('组织集中学习', `${year}-03-20`), task('开展线上线下互动宣传', `${year}-03-20`)],
        },
        {
          name: '会后深化',
          startOn: `${year}-03-21`,
          endOn: `${year}-10-31`,
          tasks: [
            // 演示：两项任务已分派，期限按今天推算，一项临期、一项正常。
            task('全面开展宣讲活动', addDays(today, 2), { leadOrgId: street.id, cooperatingOrgIds: [community.id] }),
            task('推动政策落地', addDays(today, 20), { leadOrgId: community.id, cooperatingOrgIds: [edu.id] }),
            task('总结工作成效', `${year}-04-30`),
          ],
        },
      ],
    },
  });
  const lectures = plan.tasks.find((t) => t.title === '推动政策落地');
  if (lectures) {
    await reportProgress({
      ctx: await actorFor(services, 'reporter'),
      id: lectures.id,
      input: { body: '已在东门社区召开居民代表会，逐条解读政府工作报告中的民生政策，发放宣传资料 200 余份。', files: [] },
    });
  }
}
