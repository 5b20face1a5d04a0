import { manuscripts, quotas } from '@xuanlian/db';
import { and, eq } from 'drizzle-orm';
import type { Genre } from '@xuanlian/contracts';
import { loadActor } from '../modules/auth/actor.ts';
import type { Ctx, Services } from '../core/context.ts';
import { addDays, chinaDate } from '../core/china-time/index.ts';
import { findOrgByCode } from '../modules/orgs/index.ts';
import { ensureStandardOutlets, findOutletByName } from '../modules/outlets/index.ts';
import { ensureDefaultRules, recomputeAllScores } from '../modules/scoring/index.ts';
import { findUserByUsername } from '../modules/users/index.ts';
import { GOOD_BODY_FOR_SEED } from './demo-text.ts';

async function ctxOf(services: Services, username: string): Promise<Ctx> {
  const user = await findUserByUsername(services.db, username);
  const actor = user ? await loadActor(services.db, user.id, () => false) : undefined;
  if (!actor) throw new Error(`demo seed: no user ${username}`);
  return { ...services, actor, requestId: 'seed', ip: null };
}

interface Piece {
  unit: string;
  title: string;
  genre: Genre;
  daysAgo: number;
  /** outlet, days after approval, front page, verified */
  adopted: Array<[string, number, boolean, boolean]>;
}

/**
 * 用稿与积分 for the demo: the outlet registry, approved pieces of several units adopted by
 * central, provincial and city media (entered by `editor`, most verified by `editor2`, a few left
 * in the verify queue), a 批示, and a 任务分解表 for this year — so 统计, 排名 and 积分明细 open on
 * real numbers. Approved manuscripts are written straight to the table: their review history is
 * not what this part of the demo is about.
 */
export async function seedDemoScoring(services: Services): Promise<void> {
  const { createAdoption, verifyAdoption } = await import('../modules/adoptions/verbs/adoptions.ts');
  const { createEndorsement } = await import('../modules/endorsements/verbs/endorsements.ts');
  await services.db.transaction(async (tx) => {
    await ensureStandardOutlets(tx);
    await ensureDefaultRules(tx);
  });
  const [editor, editor2] = await Promise.all([ctxOf(services, 'editor'), ctxOf(services, 'editor2')]);
  const reporter = await findUserByUsername(services.db, 'reporter');
  if (!reporter) return;
  const today = chinaDate();
  const pieces: Piece[] = [
    {
      unit: 'JC-CG-DM',
      title: '东门社区“小区议事厅”让居民的事居民议',
      genre: 'news',
      daysAgo: 60,
      adopted: [
        ['江城日报', 3, true, true],
        ['江南日报', 10, false, true],
      ],
    },
    { unit: 'JC-CG-DM', title: '东门社区党员志愿者结对帮扶独居老人', genre: 'work_info', daysAgo: 40, adopted: [['江城发布', 2, false, true]] },
    {
      unit: 'JC-CG-XG',
      title: '西关社区“15分钟便民生活圈”建成投用',
      genre: 'news',
      daysAgo: 50,
      adopted: [
        ['江城日报', 4, false, true],
        ['江城新闻网', 4, false, true],
      ],
    },
    {
      unit: 'JC-CG-HW',
      title: '河湾村发展稻虾共养 村集体年增收30万元',
      genre: 'feature',
      daysAgo: 75,
      adopted: [
        ['江南日报', 6, false, true],
        ['学习强国', 9, true, true],
      ],
    },
    {
      unit: 'JC-JY-YZ',
      title: '江城一中推进“双减”课后服务提质增效',
      genre: 'news',
      daysAgo: 30,
      adopted: [
        ['中国教育报', 5, true, true],
        ['江南教育', 8, false, true],
      ],
    },
    { unit: 'JC-JY-SX', title: '实验小学开展“书香校园”读书月活动', genre: 'photo_news', daysAgo: 20, adopted: [['江城日报', 2, false, true]] },
    { unit: 'JC-JY-ZY', title: '职业技术学校校企合作订单班学生全部就业', genre: 'news', daysAgo: 12, adopted: [['江南新闻网', 3, false, false]] },
    {
      unit: 'JC-RD-ZH',
      title: '市人大常委会开展优化营商环境执法检查',
      genre: 'work_info',
      daysAgo: 25,
      adopted: [
        ['江城日报', 1, true, true],
        ['人民网', 5, false, false],
      ],
    },
  ];
  const firstTitle = pieces[0]?.title;
  for (const p of pieces) {
    const org = await findOrgByCode(services.db, p.unit);
    if (!org) continue;
    const approvedOn = addDays(today, -p.daysAgo);
    const at = new Date(`${approvedOn}T02:00:00Z`);
    const [m] = await services.db
      .insert(manuscripts)
      .values({
        orgId: org.id,
        reporterId: reporter.id,
        title: p.title,
        bodyHtml: GOOD_BODY_FOR_SEED(p.title),
        genre: p.genre,
        authors: [{ name: p.unit === 'JC-CG-DM' ? '张晓华' : '通讯员', userId: p.unit === 'JC-CG-DM' ? reporter.id : null, orgId: null, orgName: null, share: 100 }],
        status: 'approved',
        contentHash: `demo-${p.title}`,
        version: 1,
        firstSubmittedAt: new Date(at.getTime() - 86_400_000),
        submittedAt: new Date(at.getTime() - 86_400_000),
        approvedAt: at,
      })
      .returning({ id: manuscripts.id });
    if (!m) continue;
    for (const [name, after, frontPage, verified] of p.adopted) {
      const outlet = await findOutletByName(services.db, name);
      if (!outlet) continue;
      const adoptedOn = addDays(approvedOn, after) > today ? today : addDays(approvedOn, after);
      const a = await createAdoption({
        ctx: editor,
        input: {
          manuscriptId: m.id,
          outletId: outlet.id,
          adoptedOn,
          columnName: '基层动态',
          page: frontPage ? '01版' : '04版',
          edition: '',
          url: '',
          frontPage,
          length: 1200,
          kind: 'original',
          ghostwritten: false,
        },
      });
      if (verified) await verifyAdoption({ ctx: editor2, id: a.id });
    }
    if (p.title === firstTitle) {
      await createEndorsement({
        ctx: editor,
        input: {
          manuscriptId: m.id,
          leaderLevel: 'city',
          leaderName: '林海涛',
          endorsedOn: addDays(approvedOn, 12) > today ? today : addDays(approvedOn, 12),
          text: '“小区议事厅”做法好，请城关街道总结经验，在全市推广。',
        },
      });
    }
  }
  const year = Number(today.slice(0, 4));
  const plan: Array<[string, number, number, number, number, number, number]> = [
    ['JC-CG-DM', 1, 0, 1, 6, 6, 120],
    ['JC-CG-XG', 1, 0, 1, 6, 6, 120],
    ['JC-CG-HW', 1, 0, 1, 4, 4, 80],
    ['JC-JY-YZ', 1, 1, 2, 6, 0, 150],
    ['JC-JY-SX', 1, 0, 1, 4, 0, 80],
    ['JC-JY-ZY', 1, 0, 1, 4, 0, 80],
    ['JC-RD-ZH', 1, 0, 2, 6, 0, 100],
  ];
  await services.db.transaction(async (tx) => {
    for (const [code, monthly, central, province, city, county, points] of plan) {
      const org = await findOrgByCode(tx, code);
      if (!org) continue;
      const exists = await tx
        .select({ id: quotas.id })
        .from(quotas)
        .where(and(eq(quotas.orgId, org.id), eq(quotas.year, year)));
      if (exists.length === 0)
        await tx
          .insert(quotas)
          .values({ orgId: org.id, year, monthlySubmissions: monthly, adoptionsCentral: central, adoptionsProvince: province, adoptionsCity: city, adoptionsCounty: county, points });
    }
    await recomputeAllScores(tx);
  });
}
