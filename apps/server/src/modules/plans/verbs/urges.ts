import type { IssueUrgeInput, TaskDetail } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { chinaDate } from '../../../core/china-time/index.ts';
import { conflict, invalidState, notFound } from '../../../core/errors.ts';
import { findUrge, insertUrge, nextUrgeCode, updateUrgeIf } from '../supervision.repo.ts';
import { FINAL_STATUSES } from '../task-machine.ts';
import { chineseDate } from '../../../core/china-time/index.ts';
import { taskDetail, taskForOffice, taskForUnit } from './common.ts';
import { tellLeadUnit, tellPerson } from './notices.ts';

/** The office issues a 督办单 to the lead unit; it stays open until the unit signs and answers. */
export async function issueUrge({ ctx, id, input }: { ctx: Ctx; id: string; input: IssueUrgeInput }): Promise<TaskDetail> {
  await ctx.db.transaction(async (tx) => {
    const task = await taskForOffice(ctx, tx, id);
    if (FINAL_STATUSES.includes(task.status as never)) throw invalidState('已办结或已撤销的任务无需督办');
    if (!task.leadOrgId) throw invalidState('请先为任务指定牵头单位');
    const code = await nextUrgeCode(tx, Number(chinaDate().slice(0, 4)));
    const urge = await insertUrge(tx, { taskId: id, code, body: input.body, dueOn: input.dueOn, issuedBy: ctx.actor.userId, issuedByName: ctx.actor.name });
    await writeAudit(tx, ctx, { action: 'urge.issue', targetType: 'urge', targetId: urge.id, orgId: task.leadOrgId, after: { taskId: id, code, body: input.body, dueOn: input.dueOn } });
    await tellLeadUnit(tx, ctx, task, {
      kind: 'urge.issued',
      title: `督办单${code}：${task.title}`,
      body: `${ctx.actor.name}就“${task.title}”下达督办单，${input.dueOn ? `请于${chineseDate(input.dueOn)}前签收并答复` : '请及时签收并答复'}：${input.body}`,
      key: `urge-issued:${urge.id}`,
    });
  });
  return taskDetail(ctx, id);
}

/** 签收: the lead unit acknowledges; the conditional update means a second click (or colleague) gets 409. */
export async function signUrge({ ctx, id, urgeId }: { ctx: Ctx; id: string; urgeId: string }): Promise<TaskDetail> {
  await ctx.db.transaction(async (tx) => {
    const task = await taskForUnit(ctx, tx, id);
    const urge = await findUrge(tx, id, urgeId);
    if (!urge) throw notFound('督办单');
    if (urge.status !== 'issued') throw invalidState('督办单已签收');
    const done = await updateUrgeIf(tx, urgeId, 'issued', { status: 'signed', signedBy: ctx.actor.userId, signedByName: ctx.actor.name, signedAt: new Date() });
    if (!done) throw conflict('督办单已被他人签收');
    await writeAudit(tx, ctx, { action: 'urge.sign', targetType: 'urge', targetId: urgeId, orgId: task.leadOrgId, before: { status: 'issued' }, after: { status: 'signed' } });
    await tellPerson(tx, ctx, task, urge.issuedBy, {
      kind: 'urge.answered',
      title: `督办单${urge.code}已签收`,
      body: `${task.leadName ?? '牵头单位'}${ctx.actor.name}已签收“${task.title}”的督办单${urge.code}。`,
      key: `urge-signed:${urgeId}`,
    });
  });
  return taskDetail(ctx, id);
}

/** 答复: only after 签收, once. */
export async function answerUrge({ ctx, id, urgeId, answer }: { ctx: Ctx; id: string; urgeId: string; answer: string }): Promise<TaskDetail> {
  await ctx.db.transaction(async (tx) => {
    const task = await taskForUnit(ctx, tx, id);
    const urge = await findUrge(tx, id, urgeId);
    if (!urge) throw notFound('督办单');
    if (urge.status === 'issued') throw invalidState('请先签收督办单再答复');
    if (urge.status !== 'signed') throw invalidState('督办单已答复');
    const done = await updateUrgeIf(tx, urgeId, 'signed', { status: 'answered', answer, answeredBy: ctx.actor.userId, answeredByName: ctx.actor.name, answeredAt: new Date() });
    if (!done) throw conflict('督办单已被他人答复');
    await writeAudit(tx, ctx, { action: 'urge.answer', targetType: 'urge', targetId: urgeId, orgId: task.leadOrgId, before: { status: 'signed' }, after: { status: 'answered', answer } });
    await tellPerson(tx, ctx, task, urge.issuedBy, {
      kind: 'urge.answered',
      title: `督办单${urge.code}已答复`,
      body: `${task.leadName ?? '牵头单位'}答复“${task.title}”的督办单${urge.code}：${answer}`,
      key: `urge-answered:${urgeId}`,
    });
  });
  return taskDetail(ctx, id);
}
