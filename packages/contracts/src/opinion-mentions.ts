import { z } from 'zod';
import { Highlight } from './opinion-topics.ts';

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];
export const SENTIMENT_LABELS = { positive: '正面', neutral: '中性', negative: '负面' } as const satisfies Record<Sentiment, string>;

export const MentionTopicRef = z.object({ id: z.uuid(), name: z.string(), highlights: z.array(Highlight) });

export const Mention = z.object({
  id: z.uuid(),
  sourceId: z.uuid(),
  sourceName: z.string(),
  url: z.string().nullable(),
  title: z.string(),
  /** The first few hundred characters; the full text is in the detail. */
  snippet: z.string(),
  author: z.string().nullable(),
  region: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** When it appeared: the publication time, or the fetch time when the source gave none. */
  occurredAt: z.string(),
  fetchedAt: z.string(),
  sentiment: z.enum(SENTIMENTS),
  sentimentScore: z.number(),
  /** The words that made the sentiment, for 研判. */
  sentimentWords: z.array(z.string()),
  clusterId: z.uuid(),
  clusterSize: z.number().int(),
  topics: z.array(MentionTopicRef),
  read: z.boolean(),
  irrelevant: z.boolean(),
  important: z.boolean(),
});
export type Mention = z.infer<typeof Mention>;

export const MentionDetail = Mention.extend({ content: z.string() });
export type MentionDetail = z.infer<typeof MentionDetail>;

const bool = z.enum(['true', 'false']);
export const MentionListQuery = z.strictObject({
  topicId: z.uuid().optional(),
  sourceId: z.uuid().optional(),
  clusterId: z.uuid().optional(),
  sentiment: z.enum(SENTIMENTS).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  read: bool.optional(),
  important: bool.optional(),
  /** Irrelevant ones are hidden unless asked for. */
  irrelevant: bool.optional(),
  /** Chinese full-text search over title and text. */
  q: z.string().trim().min(1).max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type MentionListQuery = z.infer<typeof MentionListQuery>;
export const MentionListOutput = z.object({ items: z.array(Mention), total: z.number().int() });
export const MentionIdParams = z.strictObject({ id: z.uuid('舆情信息编号无效') });

export const MarkMentionInput = z
  .strictObject({
    read: z.boolean().optional(),
    irrelevant: z.boolean().optional(),
    important: z.boolean().optional(),
  })
  .refine((v) => v.read !== undefined || v.irrelevant !== undefined || v.important !== undefined, '请至少指定一项标记');
export type MarkMentionInput = z.infer<typeof MarkMentionInput>;

export const MarkManyInput = z.strictObject({ ids: z.array(z.uuid()).min(1).max(500), read: z.literal(true) });

/** The reposts of one article: who published first and how it spread over time. */
export const ClusterView = z.object({
  clusterId: z.uuid(),
  size: z.number().int(),
  first: Mention,
  firstAt: z.string(),
  lastAt: z.string(),
  negative: z.number().int(),
  sources: z.array(z.object({ sourceId: z.uuid(), name: z.string(), count: z.number().int(), firstAt: z.string() })),
  /** Mentions per time bucket since the first appearance. */
  spread: z.array(z.object({ at: z.string(), count: z.number().int() })),
  bucketMinutes: z.number().int(),
  items: z.array(Mention),
});
export type ClusterView = z.infer<typeof ClusterView>;
export const ClusterIdParams = z.strictObject({ id: z.uuid('簇编号无效') });
