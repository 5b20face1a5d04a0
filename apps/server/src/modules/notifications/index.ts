export { notify, type NotifyInput, DELIVER_JOB, MAX_ATTEMPTS } from './verbs/notify.ts';
export { listNotifications, unreadCount, markRead, markAllRead } from './verbs/inbox.ts';
export { notificationsRoutes } from './notifications.routes.ts';
export { runDelivery, type DeliverOptions } from './verbs/deliver.ts';
export { remindDueTasks, remindMonthlySubmission, remindReviewStepsDue, TASK_DUE_REMINDER_JOB, SUBMISSION_REMINDER_JOB, REVIEW_DUE_REMINDER_JOB } from './verbs/reminders.ts';
export { dingtalkSign, feishuSign } from './channels/robots.ts';
export { createChannel } from './verbs/channels.ts';
// The dashboard shows the statistics deadline and who has not submitted this month (the same query the reminder uses).
export { readNotificationSettings } from './verbs/settings.ts';
export { unitsWithoutSubmissions } from './reminders.repo.ts';
// Who to reach at a unit by role: every module that tells a unit's people something asks the same.
export { usersWithRoleAt, editorsCovering } from './recipients.repo.ts';
