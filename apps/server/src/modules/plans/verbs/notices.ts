import type { NotificationKind } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import type { Ctx } from '../../../core/context.ts';
import { pathIds } from '../../../core/scope.ts';
import { editorsCovering, notify, usersWithRoleAt } from '../../notifications/index.ts';
import type { TaskRow } from '../plans.repo.ts';

/**
 * 督办 that speaks: every move on a task tells the other side, inside the move's transaction —
 * the lead unit's 信息员 and its robots when the office acts (督办单, 复核, 延期审批), the plan
 * office's editors when the unit acts (签收/答复, 申请延期, 申请办结), and the one person a
 * decision answers. Each notice links to the task on the 督办 page.
 */
interface Notice {
  kind: NotificationKind;
  title: string;
  body: string;
  /** Names the event, so a retried request never tells anyone twice. */
  key: string;
}

const linkTo = (task: TaskRow, view: 'unit' | 'office') => `/supervision?view=${view}&task=${task.id}`;

export async function tellLeadUnit(tx: Executor, ctx: Ctx, task: TaskRow, n: Notice): Promise<void> {
  if (!task.leadOrgId) return;
  const people = await usersWithRoleAt(tx, [task.leadOrgId], ['reporter', 'chief_reporter']);
  await notify({ tx, ctx, userIds: people, orgIds: [task.leadOrgId], kind: n.kind, title: n.title, body: n.body, link: linkTo(task, 'unit'), dedupeKey: n.key });
}

export async function tellPlanOffice(tx: Executor, ctx: Ctx, task: TaskRow, n: Notice): Promise<void> {
  const editors = await editorsCovering(tx, pathIds(task.planOrgPath));
  await notify({ tx, ctx, userIds: editors, kind: n.kind, title: n.title, body: n.body, link: linkTo(task, 'office'), dedupeKey: n.key });
}

export async function tellPerson(tx: Executor, ctx: Ctx, task: TaskRow, userId: string | null, n: Notice): Promise<void> {
  if (!userId) return;
  await notify({ tx, ctx, userIds: [userId], kind: n.kind, title: n.title, body: n.body, link: linkTo(task, 'unit'), dedupeKey: n.key });
}
