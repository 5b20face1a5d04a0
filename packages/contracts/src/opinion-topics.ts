import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm，如 22:00');

/** Alerts raised in this window (China time) are held and delivered when it ends, except 重大 and above. */
export const QuietHours = z.strictObject({ start: hhmm, end: hhmm });
export type QuietHours = z.infer<typeof QuietHours>;

export const Topic = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  name: z.string(),
  /** Boolean keyword rule, e.g. `(人大代表 | 代表) & 投诉 & !招聘`. */
  rule: z.string(),
  /** Only mentions from these sources (empty: all sources). */
  sourceIds: z.array(z.uuid()),
  /** Only mentions from these regions, by the source's region or named in the text (empty: anywhere). */
  regions: z.array(z.string()),
  enabled: z.boolean(),
  /** Who receives this topic's alerts in-app. */
  recipients: z.array(z.object({ id: z.uuid(), name: z.string() })),
  quietHours: QuietHours.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Topic = z.infer<typeof Topic>;

const topicName = z.string().trim().min(2, '专题名称至少 2 个字').max(60, '专题名称最多 60 个字');
const rule = z.string().trim().min(1, '请填写关键词规则').max(2000, '规则最多 2000 个字符');
const regions = z.array(z.string().trim().min(1).max(30)).max(50);

export const CreateTopicInput = z.strictObject({
  orgId: z.uuid('所属单位无效'),
  name: topicName,
  rule,
  sourceIds: z.array(z.uuid()).max(200).default([]),
  regions: regions.default([]),
  enabled: z.boolean().default(true),
  recipientIds: z.array(z.uuid()).max(100).default([]),
  quietHours: QuietHours.nullable().default(null),
});
export type CreateTopicInput = z.infer<typeof CreateTopicInput>;

export const UpdateTopicInput = z.strictObject({
  name: topicName.optional(),
  rule: rule.optional(),
  sourceIds: z.array(z.uuid()).max(200).optional(),
  regions: regions.optional(),
  enabled: z.boolean().optional(),
  recipientIds: z.array(z.uuid()).max(100).optional(),
  quietHours: QuietHours.nullable().optional(),
});
export type UpdateTopicInput = z.infer<typeof UpdateTopicInput>;

export const TopicListQuery = z.strictObject({
  orgId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TopicListQuery = z.infer<typeof TopicListQuery>;
export const TopicListOutput = z.object({ items: z.array(Topic), total: z.number().int() });
export const TopicIdParams = z.strictObject({ id: z.uuid('专题编号无效') });

/** "Try this rule": run it over recent mentions before saving. */
export const TryTopicInput = z.strictObject({
  rule,
  sourceIds: z.array(z.uuid()).max(200).default([]),
  regions: regions.default([]),
  /** How many of the most recent mentions to scan. */
  limit: z.number().int().min(1).max(5000).default(1000),
});
export type TryTopicInput = z.infer<typeof TryTopicInput>;

export const Highlight = z.object({
  field: z.enum(['title', 'content']),
  start: z.number().int(),
  end: z.number().int(),
  term: z.string(),
});
export type Highlight = z.infer<typeof Highlight>;

export const TryTopicOutput = z.object({
  scanned: z.number().int(),
  matched: z.number().int(),
  items: z.array(
    z.object({
      mentionId: z.uuid(),
      title: z.string(),
      snippet: z.string(),
      occurredAt: z.string(),
      highlights: z.array(Highlight),
    }),
  ),
});
export type TryTopicOutput = z.infer<typeof TryTopicOutput>;

/** One rule problem, per field and with the column, so the form can point at it. */
export const RuleIssue = z.object({ path: z.string(), message: z.string(), column: z.number().int() });
export type RuleIssue = z.infer<typeof RuleIssue>;
