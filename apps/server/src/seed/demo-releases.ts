import { DEFAULT_CHANNELS } from '@xuanlian/contracts';
import { releases, reviewSteps } from '@xuanlian/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx, Services } from '../core/context.ts';
import { chinaDate } from '../core/china-time/index.ts';
import { queryRows } from '../core/sql.ts';
import { createIssue, createJournal, publishIssue, saveIssue } from '../modules/journals/index.ts';
import { createManuscript, getManuscript, submitManuscript } from '../modules/manuscripts/index.ts';
import { findOrgByCode } from '../modules/orgs/index.ts';
import { createRelease, insertChannel, requestReleaseReview } from '../modules/releases/index.ts';
import { decideStep } from '../modules/reviews/index.ts';
import { ctxOf } from './demo-city.ts';

const PICTURE_FREE_BODY = (lead: string, detail: string) =>
  `<p>${lead}</p><p>${detail}</p><p>下一步，东门社区将持续总结经验做法，推动工作常态化、长效化，不断提升居民群众的获得感、幸福感和安全感。</p>`;

/** Approved pieces of 东门社区, through the real submission chain (社区负责人 审核). */
async function approvedPieces(reporter: Ctx, reviewer: Ctx): Promise<string[]> {
  const pieces: Array<[string, string, string]> = [
    [
      '东门社区开展“敬老月”走访慰问活动',
      '重阳节前夕，东门社区组织党员志愿者走访辖区80岁以上老人和困难老人家庭42户，送去慰问品和节日祝福。',
      '走访中，志愿者详细了解老人的身体状况和生活需求，现场登记助餐、助洁等服务需求17项，均已转交网格员跟进落实。',
    ],
    [
      '东门社区组织开展高层住宅消防安全应急演练',
      '11月9日，东门社区联合城关消防救援站在锦江花园小区开展高层住宅消防安全应急演练，居民200余人参加。',
      '演练模拟高层住户厨房起火，检验了微型消防站、楼栋长和物业的联动处置能力，消防员现场讲解了灭火器使用和逃生要领。',
    ],
    [
      '东门社区“四点半课堂”为双职工家庭解难题',
      '东门社区依托党群服务中心开设“四点半课堂”，招募退休教师、大学生志愿者担任辅导员，每天为辖区小学生提供课后托管服务。',
      '课堂开设以来已服务学生3600余人次，开展书法、科普、安全教育等特色课程48节，受到家长普遍好评。',
    ],
  ];
  const ids: string[] = [];
  const [category] = await queryRows<{ id: string }>(reporter.db, sql`select id from manuscript_categories where name = '工作动态' limit 1`);
  const authors = [{ name: '张晓华', userId: null, orgId: null, orgName: null, share: 100 }];
  for (const [title, lead, detail] of pieces) {
    const m = await createManuscript({ ctx: reporter, input: { title, bodyHtml: PICTURE_FREE_BODY(lead, detail), categoryId: category?.id ?? null, authors } });
    await submitManuscript({ ctx: reporter, id: m.id, input: {} });
    const stepId = (await getManuscript({ ctx: reviewer, id: m.id })).actions.decideStepId;
    if (stepId) await decideStep({ ctx: reviewer, stepId, input: { decision: 'approve', comment: '同意报送' } });
    ids.push(m.id);
  }
  return ids;
}

/** Seed 003's 初审 → 审核 → 审批 for one manuscript: 社区负责人, 街道分管领导, 街道党工委副书记. */
async function runReleaseChain(services: Services, editor: Ctx, reviewers: Ctx[], manuscriptId: string): Promise<void> {
  await requestReleaseReview({ ctx: editor, manuscriptId });
  for (const reviewer of reviewers) {
    const [step] = await services.db
      .select({ id: reviewSteps.id })
      .from(reviewSteps)
      .where(and(eq(reviewSteps.manuscriptId, manuscriptId), eq(reviewSteps.purpose, 'release'), eq(reviewSteps.status, 'pending')));
    if (!step) throw new Error('demo seed: no pending release step');
    await decideStep({ ctx: reviewer, stepId: step.id, input: { decision: 'approve', comment: '同意发布' } });
  }
}

/**
 * The city's own channels, a few releases (one old enough for the clean-up sweep), one piece
 * cleared for release but not yet out, and the journals with a published issue of 《政务信息》.
 */
export async function seedDemoReleases(services: Services): Promise<void> {
  const [reporter, reviewer1, reviewer2, reviewer3, editor] = await Promise.all(['reporter', 'reviewer1', 'reviewer2', 'reviewer3', 'editor'].map((u) => ctxOf(services, u)));
  const [root, street, congress] = await Promise.all(['JC', 'JC-CG', 'JC-RD'].map((c) => findOrgByCode(services.db, c)));
  if (!reporter || !reviewer1 || !reviewer2 || !reviewer3 || !editor || !root || !street || !congress) throw new Error('demo seed: releases prerequisites missing');

  const names: Record<string, string> = {
    website: '江城市人民政府门户网站',
    wechat: '“江城发布”微信公众号',
    weibo: '“江城发布”官方微博',
    douyin: '“江城发布”抖音号',
    channels: '“江城发布”视频号',
    board: '市委宣传部宣传栏',
    journal: '《政务信息》',
  };
  const channel: Record<string, string> = {};
  for (const [i, c] of DEFAULT_CHANNELS.entries()) {
    channel[c.kind] = await insertChannel(services.db, {
      orgId: root.id,
      name: names[c.kind] ?? c.name,
      kind: c.kind,
      homeUrl: c.kind === 'website' ? 'https://www.jiangcheng.gov.cn' : null,
      sortOrder: (i + 1) * 10,
    });
  }
  await insertChannel(services.db, { orgId: street.id, name: '“城关之窗”微信公众号', kind: 'wechat', sortOrder: 10 });

  // Kept to three new pieces: the demo is seeded before the server listens, so every verb call here delays start-up.
  const [respect, drill, classroom] = await approvedPieces(reporter, reviewer1);
  if (!respect || !drill || !classroom) throw new Error('demo seed: manuscripts missing');
  const chain = [reviewer1, reviewer2, reviewer3];
  for (const id of [respect, drill, classroom]) await runReleaseChain(services, editor, chain, id);

  const day = 86_400_000;
  await createRelease({
    ctx: editor,
    input: {
      manuscriptId: respect,
      channelId: channel.website ?? '',
      url: 'https://www.jiangcheng.gov.cn/xwzx/jcdt/202611/t20261105_1024.html',
      reach: 3260,
      releasedAt: new Date(Date.now() - 12 * day).toISOString(),
    },
  });
  await createRelease({
    ctx: editor,
    input: { manuscriptId: respect, channelId: channel.wechat ?? '', url: 'https://mp.weixin.qq.com/s/jiangcheng-jingl', reach: 8715, releasedAt: new Date(Date.now() - 12 * day).toISOString() },
  });
  const old = await createRelease({
    ctx: editor,
    input: { manuscriptId: drill, channelId: channel.wechat ?? '', url: 'https://mp.weixin.qq.com/s/jiangcheng-xiaofang', reach: 5120, releasedAt: new Date(Date.now() - 7 * day).toISOString() },
  });
  // One post from the spring, for the 定期清理 sweep: dated back as it would be after a year of use.
  await services.db
    .update(releases)
    .set({ releasedAt: sql`now() - interval '210 days'` })
    .where(eq(releases.id, old.id));
  // `classroom` has cleared the release chain and waits to be released; the “红色网格” piece of the
  // manuscripts seed is approved but has not started it.

  const gov = await createJournal({ ctx: editor, input: { orgId: root.id, name: '政务信息', publisher: '中共江城市委办公室' } });
  await createJournal({ ctx: editor, input: { orgId: root.id, name: '要情快报', publisher: '中共江城市委办公室' } });
  await createJournal({ ctx: editor, input: { orgId: congress.id, name: '人大工作', publisher: '江城市人大常委会办公室' } });
  const issue = await createIssue({ ctx: editor, journalId: gov.id, input: { issueDate: chinaDate(new Date(Date.now() - 5 * day)) } });
  const saved = await saveIssue({
    ctx: editor,
    id: issue.id,
    input: {
      version: issue.version,
      items: [{ manuscriptId: respect }, { manuscriptId: drill, title: '东门社区联合消防救援站开展高层住宅应急演练' }],
      distribution: { report: ['市委各位常委', '市人大常委会、市政府、市政协领导'], send: ['市委各部委办', '市直各单位'], issue: ['各街道党工委', '各乡镇党委'] },
    },
  });
  await publishIssue({ ctx: editor, id: issue.id, version: saved.version });
}
