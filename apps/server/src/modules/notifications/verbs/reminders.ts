import type { Services } from '../../../core/context.ts';
import { systemCtx } from '../../../core/context.ts';
import { addDays, chinaDate, chineseDate, chineseDateTime } from '../../../core/china-time/index.ts';
import { usersWithRoleAt } from '../recipients.repo.ts';
import { reviewStepsNearDeadline, tasksDueOn, unitsWithoutSubmissions } from '../reminders.repo.ts';
import { notify } from './notify.ts';
import { readNotificationSettings } from './settings.ts';

export const TASK_DUE_REMINDER_JOB = 'notifications.remind-task-due';
export const SUBMISSION_REMINDER_JOB = 'notifications.remind-submission';
export const REVIEW_DUE_REMINDER_JOB = 'notifications.remind-review-due';

/** Who in a unit is told: its reporters (they answer for tasks and submissions). */
const UNIT_ROLES = ['reporter', 'chief_reporter'];

/**
 * Daily: each open task whose deadline is N days ahead (default 3) is brought to its lead unit —
 * the unit's reporters and its group robot. The event key is the task and its deadline, so a
 * rerun of the same day (a second worker, a retried job) sends nothing again, and a deadline
 * moved later earns a fresh reminder.
 */
export async function remindDueTasks(services: Services, now = new Date()): Promise<number> {
  const ctx = systemCtx(services, 'remind-task-due');
  const { taskDueDays } = await readNotificationSettings(services.db);
  const day = addDays(chinaDate(now), taskDueDays);
  let sent = 0;
  for (const task of await tasksDueOn(services.db, day)) {
    const leadOrgId = task.leadOrgId as string;
    await services.db.transaction(async (tx) => {
      sent += await notify({
        tx,
        ctx,
        userIds: await usersWithRoleAt(tx, [leadOrgId], UNIT_ROLES),
        orgIds: [leadOrgId],
        kind: 'task.due',
        title: `任务即将到期：${task.title}`,
        body: `“${task.planTitle}”中的任务“${task.title}”将于${chineseDate(day)}到期（还有 ${taskDueDays} 天），请抓紧办理并报送进展。`,
        link: `/plans/${task.planId}`,
        dedupeKey: `task-due:${task.id}:${day}`,
      });
    });
  }
  return sent;
}

/**
 * Daily, acting only on the configured day of the month (default the 20th; seed 002 wants the
 * statistics by the 24th): every unit with reporters and nothing submitted this month is
 * reminded, once per unit per month.
 */
export async function remindMonthlySubmission(services: Services, now = new Date()): Promise<number> {
  const { submissionReminderDay, statisticsDeadlineDay } = await readNotificationSettings(services.db);
  const today = chinaDate(now);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  if (d !== submissionReminderDay) return 0;
  const month = `${y}-${String(m).padStart(2, '0')}`;
  const from = new Date(`${month}-01T00:00:00+08:00`);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  const to = new Date(`${next}-01T00:00:00+08:00`);
  const ctx = systemCtx(services, 'remind-submission');
  let units = 0;
  for (const unit of await unitsWithoutSubmissions(services.db, from, to)) {
    await services.db.transaction(async (tx) => {
      await notify({
        tx,
        ctx,
        userIds: await usersWithRoleAt(tx, [unit.id], UNIT_ROLES),
        orgIds: [unit.id],
        kind: 'submission.reminder',
        title: `${m}月信息报送提醒`,
        body: `${unit.name}本月（${y}年${m}月）尚未报送工作信息。按照“每月至少报送一条”的要求，请于本月${statisticsDeadlineDay}日统计截止前报送。`,
        link: '/quick-submit',
        dedupeKey: `submission:${month}:${unit.id}`,
      });
    });
    units++;
  }
  return units;
}

/**
 * Every few minutes: the reviewers of a step that has used three quarters of its time are told
 * once per step and round (the overdue notice itself is the reviews module's job).
 */
export async function remindReviewStepsDue(services: Services, now = new Date()): Promise<number> {
  const ctx = systemCtx(services, 'remind-review-due');
  let sent = 0;
  for (const step of await reviewStepsNearDeadline(services.db, now)) {
    await services.db.transaction(async (tx) => {
      sent += await notify({
        tx,
        ctx,
        userIds: step.assigneeIds,
        kind: 'review.due',
        title: `审核即将到期：${step.title}`,
        body: `“${step.name}”环节请于${step.deadlineAt ? chineseDateTime(step.deadlineAt) : ''}前完成审核。`,
        link: `/manuscripts/${step.manuscriptId}`,
        dedupeKey: `review-due:${step.id}:${step.round}`,
      });
    });
  }
  return sent;
}
