import { TASK_LIGHT_LABELS, TASK_STATUS_LABELS, URGE_STATUS_LABELS, type Task } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { chinaDate, chineseDate } from '../../../core/china-time/index.ts';
import { h1, h2, para, renderDocx, subtitle, table, title, type Block } from '../../../core/docx.ts';
import { forbidden } from '../../../core/errors.ts';
import { urgesOfPlan } from '../supervision.repo.ts';
import { getPlan } from './plans.ts';

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const when = (d: string | null) => (d ? chineseDate(d) : '未定');

function taskRows(tasks: Task[]): string[][] {
  return [
    ['序号', '任务', '牵头单位', '配合单位', '时限', '状态'],
    ...tasks.map((t, i) => [
      String(i + 1),
      t.title,
      t.leadOrg?.name ?? '未分派',
      t.cooperatingOrgs.map((o) => o.name).join('、') || '—',
      when(t.deadline),
      t.status === 'done' ? `${TASK_STATUS_LABELS.done}${t.closedLate ? '（逾期）' : ''}` : `${TASK_STATUS_LABELS[t.status]}·${TASK_LIGHT_LABELS[t.light]}`,
    ]),
  ];
}

/** 工作方案落实情况: totals, every phase's tasks with their state, the 督办单 and the late closures with their notes. */
export async function buildPlanSummary({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ body: Buffer; name: string }> {
  const plan = await getPlan({ ctx, id });
  if (!plan.canManage && plan.tasks.length === 0) throw forbidden();
  const today = chinaDate();
  const t = plan.tasks.filter((x) => x.status !== 'cancelled');
  const done = t.filter((x) => x.status === 'done');
  const late = done.filter((x) => x.closedLate);
  const overdue = t.filter((x) => x.light === 'red');
  const blocks: Block[] = [
    title(`${plan.title}落实情况`),
    subtitle(`（${plan.orgName}，截至${chineseDate(today)}）`),
    h1('一、总体情况'),
    para(
      '方案共分解任务 ',
      { figure: String(t.length) },
      ' 项，已办结 ',
      { figure: String(done.length) },
      ' 项（其中按期 ',
      { figure: String(done.length - late.length) },
      ' 项、逾期 ',
      { figure: String(late.length) },
      ' 项），正在办理 ',
      { figure: String(t.length - done.length) },
      ' 项，其中已逾期 ',
      { figure: String(overdue.length) },
      ' 项。',
    ),
    h1('二、分阶段推进情况'),
  ];
  const groups = [
    ...plan.phases.map((p) => ({ name: p.name, range: p.startOn && p.endOn ? `${chineseDate(p.startOn)}至${chineseDate(p.endOn)}` : '', id: p.id as string | null })),
    { name: '其他任务', range: '', id: null },
  ];
  let n = 0;
  for (const g of groups) {
    const mine = t.filter((x) => x.phaseId === g.id);
    if (mine.length === 0) continue;
    blocks.push(h2(`（${CN[n++] ?? n}）${g.name}${g.range ? `（${g.range}）` : ''}`), table(taskRows(mine)));
  }
  blocks.push(h1('三、督办情况'));
  const urges = await urgesOfPlan(ctx.db, id);
  if (urges.length === 0) blocks.push(para('本方案尚未下发督办单。'));
  else {
    blocks.push(
      table([
        ['督办单', '任务', '督办要求', '状态', '答复'],
        ...urges.map((u) => [u.code, u.taskTitle, u.body, URGE_STATUS_LABELS[u.status as keyof typeof URGE_STATUS_LABELS] ?? u.status, u.answer ?? '—']),
      ]),
    );
  }
  blocks.push(h1('四、逾期办结及问责说明'));
  if (late.length === 0) blocks.push(para('无逾期办结的任务。'));
  for (const x of late) blocks.push(para(`${x.title}（${x.leadOrg?.name ?? ''}，时限${when(x.deadline)}）：${x.accountabilityNote ?? ''}`));
  if (overdue.length > 0) blocks.push(para(`尚有 ${overdue.length} 项任务逾期未办结：${overdue.map((x) => `${x.title}（${x.leadOrg?.name ?? '未分派'}）`).join('、')}。`));
  const name = `${plan.title}-落实情况-${chineseDate(today)}`;
  return { body: await renderDocx(blocks, { title: name }), name };
}
