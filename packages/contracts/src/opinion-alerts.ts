import { z } from 'zod';
import { GRADES } from './opinion-incidents.ts';

/**
 * negative_spike: negative mentions of the topic ≥ threshold within windowMinutes (one alert per episode);
 * watched_source: a mention of the topic from one of sourceIds (one alert per cluster);
 * title_keyword: one of keywords in the title of a mention of the topic (one alert per cluster).
 */
export const ALERT_RULE_KINDS = ['negative_spike', 'watched_source', 'title_keyword'] as const;
export type AlertRuleKind = (typeof ALERT_RULE_KINDS)[number];
export const ALERT_RULE_KIND_LABELS = {
  negative_spike: '负面信息激增',
  watched_source: '重点信源发布',
  title_keyword: '标题含关键词',
} as const satisfies Record<AlertRuleKind, string>;

export const AlertRule = z.object({
  id: z.uuid(),
  topicId: z.uuid(),
  topicName: z.string(),
  kind: z.enum(ALERT_RULE_KINDS),
  threshold: z.number().int().nullable(),
  windowMinutes: z.number().int().nullable(),
  sourceIds: z.array(z.uuid()),
  keywords: z.array(z.string()),
  severity: z.enum(GRADES),
  enabled: z.boolean(),
  createdAt: z.string(),
});
export type AlertRule = z.infer<typeof AlertRule>;

const keywords = z.array(z.string().trim().min(1).max(30)).max(100);
export const CreateAlertRuleInput = z
  .strictObject({
    topicId: z.uuid('专题无效'),
    kind: z.enum(ALERT_RULE_KINDS, '规则类型无效'),
    threshold: z.number().int().min(1, '阈值至少为 1').max(100_000).optional(),
    windowMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .optional(),
    sourceIds: z.array(z.uuid()).max(200).default([]),
    keywords: keywords.default([]),
    severity: z.enum(GRADES, '预警等级无效').default('general'),
    enabled: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'negative_spike' && (!v.threshold || !v.windowMinutes)) {
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: '负面信息激增规则须填写条数阈值和时间窗口' });
    }
    if (v.kind === 'watched_source' && v.sourceIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['sourceIds'], message: '请选择要重点关注的信源' });
    }
    if (v.kind === 'title_keyword' && v.keywords.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['keywords'], message: '请填写标题关键词' });
    }
  });
export type CreateAlertRuleInput = z.infer<typeof CreateAlertRuleInput>;

export const UpdateAlertRuleInput = z.strictObject({
  threshold: z.number().int().min(1).max(100_000).optional(),
  windowMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .optional(),
  sourceIds: z.array(z.uuid()).max(200).optional(),
  keywords: keywords.optional(),
  severity: z.enum(GRADES).optional(),
  enabled: z.boolean().optional(),
});
export type UpdateAlertRuleInput = z.infer<typeof UpdateAlertRuleInput>;
export const AlertRuleListQuery = z.strictObject({ topicId: z.uuid().optional() });
export const AlertRuleListOutput = z.object({ items: z.array(AlertRule) });
export const AlertRuleIdParams = z.strictObject({ id: z.uuid('预警规则编号无效') });

export const ALERT_STATUSES = ['open', 'acknowledged'] as const;
export const Alert = z.object({
  id: z.uuid(),
  ruleId: z.uuid(),
  topicId: z.uuid(),
  topicName: z.string(),
  kind: z.enum(ALERT_RULE_KINDS),
  severity: z.enum(GRADES),
  title: z.string(),
  clusterId: z.uuid().nullable(),
  mentionIds: z.array(z.uuid()),
  count: z.number().int(),
  firstAt: z.string(),
  lastAt: z.string(),
  createdAt: z.string(),
  status: z.enum(ALERT_STATUSES),
  acknowledgedByName: z.string().nullable(),
});
export type Alert = z.infer<typeof Alert>;

export const AlertListQuery = z.strictObject({
  topicId: z.uuid().optional(),
  status: z.enum(ALERT_STATUSES).optional(),
  severity: z.enum(GRADES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type AlertListQuery = z.infer<typeof AlertListQuery>;
export const AlertListOutput = z.object({ items: z.array(Alert), total: z.number().int() });
export const AlertIdParams = z.strictObject({ id: z.uuid('预警编号无效') });

/** One alert in one person's in-app inbox. Held ones (quiet hours) appear once released. */
export const AlertDelivery = z.object({
  id: z.uuid(),
  alert: Alert,
  deliveredAt: z.string(),
  readAt: z.string().nullable(),
});
export type AlertDelivery = z.infer<typeof AlertDelivery>;
export const InboxQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const InboxOutput = z.object({ items: z.array(AlertDelivery), total: z.number().int(), unread: z.number().int() });
export const DeliveryIdParams = z.strictObject({ id: z.uuid('消息编号无效') });
