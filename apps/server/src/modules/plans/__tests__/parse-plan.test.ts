import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDeadline, parseSpan } from '../parse/dates.ts';
import { parsePlanText } from '../parse/skeleton.ts';

/**
 * The five seed documents live in the steering repo's shared/ folder, beside this checkout (and
 * beside CI's clone). What each must yield is written down here after reading it as a 宣传办
 * user would: the dated stages when there are any, else the working sections; 指导思想, 工作目标,
 * 保障措施, 工作要求, 组织机构 and a report's 做法及成效 / 存在的问题 never become tasks.
 */
const SEEDS = join(import.meta.dirname, '../../../../../../test-support/seeds');
function seed(prefix: string): string {
  if (!existsSync(SEEDS)) throw new Error(`seed documents not found at ${SEEDS}`);
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`seed ${prefix} missing`);
  return readFileSync(join(SEEDS, file), 'utf8');
}

const shape = (d: ReturnType<typeof parsePlanText>) => d.phases.map((p) => [p.name, p.tasks.length]);

describe('[方案解析] the five seed documents', () => {
  it('000 两会 plan: the three dated stages with three tasks each; 4月底前 wins over the stage end', () => {
    const d = parsePlanText(seed('000'));
    expect(d.title).toBe('2025年全国两会精神宣传工作方案');
    expect(d.year).toBe(2025);
    expect(shape(d)).toEqual([
      ['会前预热', 3],
      ['会中聚焦', 3],
      ['会后深化', 3],
    ]);
    expect(d.phases.map((p) => [p.startOn, p.endOn])).toEqual([
      ['2025-02-21', '2025-03-10'],
      ['2025-03-11', '2025-03-20'],
      ['2025-03-21', '2025-10-31'],
    ]);
    expect(d.phases[0]?.tasks.map((t) => t.title)).toEqual(['制定宣讲方案', '组建宣讲队伍', '做好宣传报道准备工作']);
    expect(d.phases[1]?.tasks.map((t) => t.title)).toEqual(['实时跟进两会动态', '组织集中学习', '开展线上线下互动宣传']);
    const [spread, policy, wrapUp] = d.phases[2]?.tasks ?? [];
    expect([spread?.title, policy?.title, wrapUp?.title]).toEqual(['全面开展宣讲活动', '推动政策落地', '总结工作成效']);
    expect(spread?.deadline).toBe('2025-10-31');
    expect(wrapUp).toMatchObject({ deadline: '2025-04-30', deadlineText: '4月底前' });
    expect(d.phases[0]?.tasks[1]?.description).toContain('遴选组建市"两会"精神专家宣讲团');
    // The 重点任务 section is named in a note rather than silently dropped.
    expect(d.notes.join('')).toContain('三、重点任务');
    expect(d.notes.join('')).toContain('五、保障措施');
  });

  it('001 annual report: only 工作展望 looks forward, its 一是…四是 become four undated tasks', () => {
    const d = parsePlanText(seed('001'), { year: 2025 });
    expect(d.title).toBe('某市人大办202x年度宣传思想文化工作汇报');
    expect(d.year).toBe(2025);
    expect(shape(d)).toEqual([['202x年工作展望', 4]]);
    expect(d.phases[0]?.tasks.map((t) => t.title)).toEqual(['强化理论武装,筑牢思想根基', '创新宣传方式,提升传播效能', '聚焦主责主业,讲好人大故事', '加强队伍建设,打造一流团队']);
    expect(d.phases[0]?.tasks.every((t) => t.deadline === null)).toBe(true);
    expect(d.notes.join('')).toContain('4 项任务的文本中没有明确时限');
  });

  it('002 holds four plans (篇1–篇4); each is read on its own', () => {
    const text = seed('002');
    const parts = [1, 2, 3, 4].map((part) => parsePlanText(text, { part }));
    expect(parts.map((d) => [d.documents, d.part, d.year])).toEqual([
      [4, 1, 2024],
      [4, 2, 2024],
      [4, 3, 2024],
      [4, 4, 2024],
    ]);
    expect(parts[0]?.notes[0]).toContain('包含 4 篇方案');
    // 篇1: 二、具体措施 (一)–(五), each with its 1、2、3、 items; 指导思想 and 工作要求 left out.
    expect(shape(parts[0] as never)).toEqual([
      ['强化理论武装,全力建设学习型党组织', 3],
      ['强化宣传引导,全力展示单位良好形象', 3],
      ['强化教育培训,全力提升干部队伍能力素质', 3],
      ['强化精神文明建设,全力赢得全国文明单位称号实至名归', 3],
      ['强化机关文化建设,全力营造机关人文氛围', 3],
    ]);
    const first = parts[0]?.phases[0]?.tasks[0];
    expect(first).toMatchObject({ title: '全面提高政治站位', deadline: '2024-12-31', deadlineText: '全年' });
    // 篇2: four 一、 sections with numbered items directly under them.
    expect(parts[1]?.phases.map((p) => p.tasks.length)).toEqual([3, 3, 3, 2]);
    expect(parts[1]?.phases[0]?.name).toBe('抓好广大党员干部理论学习,坚持开展中国特色社会主义宣传教育');
    // 篇3: 意义/指导思想/原则 skipped inside 一、; 主要任务 and the three measure groups of 二、 kept; 组织领导 skipped.
    expect(shape(parts[2] as never)).toEqual([
      ['进一步加强和改进宣传思想工作的主要任务', 4],
      ['充分发挥思想政治工作主渠道作用', 4],
      ['进一步加强教师队伍建设与管理,提高教师队伍思想政治素质和育人能力', 3],
      ['大力加强宣传思想阵地建设,不断巩固和壮大主流舆论', 4],
    ]);
    // 篇4: numbering runs on across sections (5、 follows 4、).
    expect(parts[3]?.phases.map((p) => p.tasks.length)).toEqual([4, 4, 3, 4, 3]);
    expect(parts[3]?.phases[1]?.tasks[0]?.title).toBe('压实工作责任');
    // "全年争取…发稿1500篇以上" is a year-long task; "每月24日上交" is a rhythm, not a deadline.
    expect(parts[3]?.phases[3]?.tasks[3]).toMatchObject({ title: '拓宽新闻宣传渠道', deadline: '2024-12-31' });
    expect(parts[3]?.phases[4]?.tasks[2]?.deadline).toBeNull();
  });

  it('003 work points: five sections of four "1." items each, no dates to guess', () => {
    const d = parsePlanText(seed('003'));
    expect(d.title).toBe('市人大办公室2025年意识形态工作要点');
    expect(d.year).toBe(2025);
    expect(shape(d)).toEqual([
      ['加强舆论引导,营造良好氛围', 4],
      ['加强阵地建设,提升传播能力', 4],
      ['加强队伍建设,提高工作水平', 4],
      ['加强文化建设,增强文化软实力', 4],
      ['加强制度建设,完善工作机制', 4],
    ]);
    expect(d.phases[0]?.tasks.map((t) => t.title)).toEqual(['强化正面宣传引导', '加强网络舆情监测与应对', '规范信息发布管理', '开展人大宣传工作培训']);
    expect(d.phases.flatMap((p) => p.tasks).every((t) => t.deadline === null)).toBe(true);
  });

  it('004 a document-preview dump: headings run together and page numbers break sentences, still three measure groups', () => {
    const d = parsePlanText(seed('004'), { year: 2025 });
    expect(d.title).toBe('XX街道关于进一步加强和完善大宣传工作格局的实施方案');
    expect(shape(d)).toEqual([
      ['加强信息员队伍建设', 1],
      ['加强制度建设', 4],
      ['重点宣传内容', 5],
    ]);
    expect(d.phases[1]?.tasks.map((t) => t.title)).toEqual(['建立审稿制度', '建立例会制度', '建立培训制度', '建立奖惩制度']);
    expect(d.phases[2]?.tasks[0]?.title).toBe('经济发展工作');
    // The page break inside "宣传资|源" was healed rather than read as item 2.
    expect(d.notes.join('')).toContain('七、组织机构');
  });
});

describe('[方案解析] dates relative to the plan year', () => {
  it('reads spans and deadlines the way plans write them', () => {
    expect(parseSpan('会前预热阶段(2月下旬-3月上旬)', 2025)).toEqual({ start: '2025-02-21', end: '2025-03-10' });
    expect(parseSpan('3月下旬至10月', 2025)).toEqual({ start: '2025-03-21', end: '2025-10-31' });
    expect(parseSpan('2024年2月', 2025)).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(findDeadline('3月5日前完成方案制定', 2025)).toEqual({ date: '2025-03-05', text: '3月5日前' });
    expect(findDeadline('请于2025年6月30日报送', 2026)?.date).toBe('2025-06-30');
    expect(findDeadline('3月上旬召开动员会', 2025)?.date).toBe('2025-03-10');
    expect(findDeadline('上半年完成调研', 2025)?.date).toBe('2025-06-30');
    expect(findDeadline('年底前全部完成', 2025)?.date).toBe('2025-12-31');
    for (const none of ['每月24日上交统计表', '每季度研讨不少于1次', '2025年全国两会', '年终考核', '3月召开', '2月30日前']) {
      expect(findDeadline(none, 2025), none).toBeNull();
    }
  });
});
