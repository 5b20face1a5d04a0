export { notify, type NotifyInput } from './verbs/notify.ts';
export { listNotifications, unreadCount, markRead, markAllRead } from './verbs/inbox.ts';
export { notificationsRoutes } from './notifications.routes.ts';
export { zhDate, zhDateTime } from './format.ts';
