import { z } from 'zod';

/** What a notification is about; channels other than the in-app inbox key on these later. */
export const NOTIFICATION_KINDS = [
  'review.pending',
  'review.approved',
  'review.returned',
  'review.overdue',
  'manuscript.approved',
  'manuscript.withdrawn',
  'urgent.overdue',
  'commission.issued',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_KIND_LABELS = {
  'review.pending': '待审核',
  'review.approved': '审核通过',
  'review.returned': '稿件退回',
  'review.overdue': '审核超时',
  'manuscript.approved': '稿件通过',
  'manuscript.withdrawn': '稿件撤回',
  'urgent.overdue': '突发事件报送超时',
  'commission.issued': '约稿通知',
} as const satisfies Record<NotificationKind, string>;

export const Notification = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  /** An in-app path such as /manuscripts/<id>. */
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = z.strictObject({
  unreadOnly: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const NotificationListOutput = z.object({ items: z.array(Notification), total: z.number().int(), unread: z.number().int() });
export const UnreadCountOutput = z.object({ count: z.number().int() });
export const NotificationIdParams = z.strictObject({ id: z.uuid('通知编号无效') });
export const MarkReadOutput = z.object({ updated: z.number().int() });
