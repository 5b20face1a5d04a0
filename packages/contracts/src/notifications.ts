import { z } from 'zod';

/** What a notification is about; preferences and unit robots choose channels per kind. */
export const NOTIFICATION_KINDS = [
  'review.pending',
  'review.approved',
  'review.returned',
  'review.overdue',
  'manuscript.approved',
  'manuscript.withdrawn',
  'urgent.overdue',
  'commission.issued',
  'opinion.alert',
  'incident.overdue',
  'task.due',
  'submission.reminder',
  'channel.test',
  'review.due',
  'bulletin.appeal_open',
  'bulletin.final',
  'urge.issued',
  'urge.answered',
  'extension.requested',
  'extension.decided',
  'task.submitted',
  'task.reviewed',
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
  'opinion.alert': '舆情预警',
  'incident.overdue': '舆情事件处置超时',
  'task.due': '任务即将到期',
  'submission.reminder': '月度报送提醒',
  'channel.test': '渠道测试',
  'review.due': '审核即将到期',
  'bulletin.appeal_open': '通报征求意见',
  'bulletin.final': '通报定稿',
  'urge.issued': '督办单下达',
  'urge.answered': '督办单签收/答复',
  'extension.requested': '任务延期申请',
  'extension.decided': '延期申请审批结果',
  'task.submitted': '任务申请办结',
  'task.reviewed': '任务复核结果',
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

// ── Channels, preferences, delivery log ────────────────────────────────────────────────────────

/** Where a notification can go. `inapp` and `email` reach a person; the robots reach a unit's group chat. */
export const DELIVERY_CHANNELS = ['inapp', 'email', 'wecom', 'dingtalk', 'feishu'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
export const DELIVERY_CHANNEL_LABELS = {
  inapp: '站内消息',
  email: '电子邮件',
  wecom: '企业微信群机器人',
  dingtalk: '钉钉群机器人',
  feishu: '飞书群机器人',
} as const satisfies Record<DeliveryChannel, string>;

/** Configurable sending channels: one SMTP server, or a robot webhook of a unit's group chat. */
export const NOTIFICATION_CHANNEL_KINDS = ['smtp', 'wecom', 'dingtalk', 'feishu'] as const;
export type NotificationChannelKind = (typeof NOTIFICATION_CHANNEL_KINDS)[number];
export const NOTIFICATION_CHANNEL_KIND_LABELS = {
  smtp: '邮件服务器（SMTP）',
  wecom: '企业微信群机器人',
  dingtalk: '钉钉群机器人',
  feishu: '飞书群机器人',
} as const satisfies Record<NotificationChannelKind, string>;

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DELIVERY_STATUS_LABELS = {
  pending: '待发送',
  sending: '发送中',
  sent: '已发送',
  failed: '失败待重试',
  dead: '最终失败',
} as const satisfies Record<DeliveryStatus, string>;

const PreferenceKinds = z.array(z.enum(NOTIFICATION_KINDS, '消息类型无效')).max(NOTIFICATION_KINDS.length);

const SmtpSettings = z.strictObject({
  host: z.string('请填写 SMTP 服务器地址').trim().min(1, '请填写 SMTP 服务器地址').max(253, 'SMTP 服务器地址过长'),
  port: z.coerce.number('端口必须是数字').int('端口必须是整数').min(1, '端口应在 1–65535 之间').max(65535, '端口应在 1–65535 之间'),
  /** true: TLS from the first byte (465); false: STARTTLS when offered (25/587). */
  secure: z.boolean('请选择是否使用 SSL/TLS'),
  username: z.string().trim().max(200, '用户名过长').default(''),
  /** Write-only: omitted on update keeps the stored one. */
  password: z.string().max(200, '密码过长').optional(),
  from: z.email('发件人必须是有效的邮箱地址').max(200, '发件人地址过长'),
});
const RobotSettings = z.strictObject({
  url: z
    .url('请填写有效的 Webhook 地址')
    .max(1000, 'Webhook 地址过长')
    .refine((u) => /^https?:\/\//i.test(u), 'Webhook 地址必须以 http:// 或 https:// 开头')
    .optional(),
  /** 钉钉「加签」SEC… / 飞书「签名校验」secret; write-only like the URL (whose key/token is a secret too). */
  secret: z.string().trim().max(200, '密钥过长').optional(),
  format: z.enum(['text', 'markdown'], '消息格式只能是纯文本或富文本').default('markdown'),
});

const ChannelBase = {
  orgId: z.uuid('请选择单位'),
  name: z.string('请填写名称').trim().min(1, '请填写名称').max(100, '名称不能超过 100 个字'),
  enabled: z.boolean().default(true),
  /** A unit robot receives these kinds; empty means every kind. */
  kinds: PreferenceKinds.default([]),
};
export const NotificationChannelCreateInput = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('smtp'), ...ChannelBase, smtp: SmtpSettings }),
    z.strictObject({ kind: z.literal('wecom'), ...ChannelBase, robot: RobotSettings }),
    z.strictObject({ kind: z.literal('dingtalk'), ...ChannelBase, robot: RobotSettings }),
    z.strictObject({ kind: z.literal('feishu'), ...ChannelBase, robot: RobotSettings }),
  ],
  { error: '渠道类型只能是邮件服务器、企业微信、钉钉或飞书' },
);
export type NotificationChannelCreateInput = z.infer<typeof NotificationChannelCreateInput>;
export const NotificationChannelUpdateInput = z.strictObject({
  version: z.number('缺少版本号').int(),
  name: ChannelBase.name.optional(),
  enabled: z.boolean().optional(),
  kinds: PreferenceKinds.optional(),
  smtp: SmtpSettings.partial().optional(),
  robot: RobotSettings.partial().optional(),
});
export type NotificationChannelUpdateInput = z.infer<typeof NotificationChannelUpdateInput>;
export const NotificationChannelIdParams = z.strictObject({ id: z.uuid('渠道编号无效') });

export const NotificationChannel = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  kind: z.enum(NOTIFICATION_CHANNEL_KINDS),
  name: z.string(),
  enabled: z.boolean(),
  kinds: z.array(z.enum(NOTIFICATION_KINDS)),
  smtp: z.object({ host: z.string(), port: z.number().int(), secure: z.boolean(), username: z.string(), from: z.string(), passwordSet: z.boolean() }).nullable(),
  /** The webhook URL with its key/token masked; the secret is never echoed, only whether it is set. */
  robot: z.object({ urlMasked: z.string(), secretSet: z.boolean(), format: z.enum(['text', 'markdown']) }).nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type NotificationChannel = z.infer<typeof NotificationChannel>;
export const NotificationChannelListQuery = z.strictObject({ orgId: z.uuid('单位编号无效').optional() });
export const NotificationChannelListOutput = z.object({ items: z.array(NotificationChannel) });
export const NotificationChannelTestInput = z.strictObject({
  /** For SMTP: where the test mail goes (default: the tester's own address). */
  to: z.email('收件地址必须是有效的邮箱地址').optional(),
});
export const NotificationChannelTestOutput = z.object({ ok: z.boolean(), message: z.string(), deliveryId: z.uuid() });

export const PreferenceItem = z.strictObject({
  kind: z.enum(NOTIFICATION_KINDS, '消息类型无效'),
  inapp: z.boolean('请选择是否接收站内消息'),
  email: z.boolean('请选择是否接收邮件'),
});
export const PreferencesOutput = z.object({
  email: z.string().nullable(),
  items: z.array(PreferenceItem.extend({ label: z.string() })),
});
export type PreferencesOutput = z.infer<typeof PreferencesOutput>;
export const PreferencesInput = z.strictObject({ items: z.array(PreferenceItem).min(1, '请至少设置一项').max(NOTIFICATION_KINDS.length) });

export const Delivery = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  channel: z.enum(DELIVERY_CHANNELS),
  recipient: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  target: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Delivery = z.infer<typeof Delivery>;
export const DeliveryListQuery = z.strictObject({
  orgId: z.uuid('单位编号无效').optional(),
  status: z.enum(DELIVERY_STATUSES, '状态无效').optional(),
  channel: z.enum(DELIVERY_CHANNELS, '渠道无效').optional(),
  kind: z.enum(NOTIFICATION_KINDS, '消息类型无效').optional(),
  from: z.iso.datetime({ offset: true, error: '开始时间格式无效' }).optional(),
  to: z.iso.datetime({ offset: true, error: '结束时间格式无效' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type DeliveryListQuery = z.infer<typeof DeliveryListQuery>;
export const DeliveryListOutput = z.object({ items: z.array(Delivery), total: z.number().int() });
export const NotificationDeliveryIdParams = z.strictObject({ id: z.uuid('发送记录编号无效') });

export const NotificationSettings = z.strictObject({
  /** Day of the month on which units with nothing submitted yet are reminded (seed 002: statistics due on the 24th). */
  submissionReminderDay: z.coerce.number('请填写日期').int('日期必须是整数').min(1, '提醒日应在 1–28 日之间').max(28, '提醒日应在 1–28 日之间'),
  /** How far ahead of a task's deadline its unit is reminded. */
  taskDueDays: z.coerce.number('请填写天数').int('天数必须是整数').min(1, '提前天数应在 1–30 之间').max(30, '提前天数应在 1–30 之间'),
  /** The address people open the system at, for links in mail and robot messages ('' = no link). */
  siteUrl: z.union([z.literal(''), z.url('系统访问地址必须是有效的网址').max(300, '系统访问地址过长')]),
  /** 统计截止日: monthly statistics are due on this day (seed 002: the 24th); shown on the dashboard. */
  statisticsDeadlineDay: z.coerce.number('请填写日期').int('日期必须是整数').min(1, '截止日应在 1–28 日之间').max(28, '截止日应在 1–28 日之间').default(24),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;
export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = { submissionReminderDay: 20, taskDueDays: 3, siteUrl: '', statisticsDeadlineDay: 24 };
