import { z } from 'zod';

/** 发布平台 kinds of an office's own channels (seed 003). */
export const CHANNEL_KINDS = ['website', 'wechat', 'weibo', 'douyin', 'channels', 'board', 'journal', 'other'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export const CHANNEL_KIND_LABELS = {
  website: '网站',
  wechat: '微信公众号',
  weibo: '微博',
  douyin: '抖音',
  channels: '视频号',
  board: '宣传栏',
  journal: '刊物',
  other: '其他',
} as const satisfies Record<ChannelKind, string>;

/** The channels a new office starts with; each stays editable. */
export const DEFAULT_CHANNELS: ReadonlyArray<{ name: string; kind: ChannelKind }> = [
  { name: '门户网站', kind: 'website' },
  { name: '微信公众号', kind: 'wechat' },
  { name: '官方微博', kind: 'weibo' },
  { name: '抖音号', kind: 'douyin' },
  { name: '视频号', kind: 'channels' },
  { name: '宣传栏', kind: 'board' },
  { name: '内部刊物', kind: 'journal' },
];

const id = (what: string) => z.uuid(`${what}无效`);
const httpUrl = z
  .string()
  .trim()
  .max(1000, '链接最多 1000 个字符')
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v), '链接须以 http:// 或 https:// 开头');

export const Channel = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  name: z.string(),
  kind: z.enum(CHANNEL_KINDS),
  homeUrl: z.string().nullable(),
  sortOrder: z.number().int(),
  status: z.enum(['active', 'disabled']),
  /** The actor may edit it (it is owned inside their scope). */
  editable: z.boolean(),
});
export type Channel = z.infer<typeof Channel>;
export const ChannelListOutput = z.object({ items: z.array(Channel) });
export const ChannelListQuery = z.strictObject({ orgId: id('单位').optional() });
export const CreateChannelInput = z.strictObject({
  orgId: id('所属单位'),
  name: z.string().trim().min(2, '平台名称至少 2 个字').max(30, '平台名称最多 30 个字'),
  kind: z.enum(CHANNEL_KINDS, '平台类型无效'),
  homeUrl: httpUrl.nullable().default(null),
  sortOrder: z.number().int().min(0).max(10_000).default(100),
});
export type CreateChannelInput = z.infer<typeof CreateChannelInput>;
export const UpdateChannelInput = z.strictObject({
  name: z.string().trim().min(2, '平台名称至少 2 个字').max(30, '平台名称最多 30 个字').optional(),
  kind: z.enum(CHANNEL_KINDS, '平台类型无效').optional(),
  homeUrl: httpUrl.nullable().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  status: z.enum(['active', 'disabled'], '状态无效').optional(),
});
export type UpdateChannelInput = z.infer<typeof UpdateChannelInput>;
export const ChannelIdParams = z.strictObject({ id: id('发布平台') });

export const RELEASE_STATUSES = ['released', 'withdrawn'] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];
export const RELEASE_STATUS_LABELS = { released: '已发布', withdrawn: '已撤下' } as const satisfies Record<ReleaseStatus, string>;

export const Release = z.object({
  id: z.uuid(),
  manuscriptId: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  channelId: z.uuid(),
  channelName: z.string(),
  channelKind: z.enum(CHANNEL_KINDS),
  title: z.string(),
  url: z.string().nullable(),
  reach: z.number().int().nullable(),
  releasedAt: z.string(),
  releasedByName: z.string(),
  status: z.enum(RELEASE_STATUSES),
  /** Last confirmed as still current (resets the clean-up age). */
  reviewedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  withdrawnByName: z.string().nullable(),
  /** Whole days since release or the last confirmation. */
  ageDays: z.number().int(),
});
export type Release = z.infer<typeof Release>;
export const ReleaseListOutput = z.object({ items: z.array(Release), total: z.number().int() });
export const ReleaseListQuery = z.strictObject({
  orgId: id('单位').optional(),
  channelId: id('发布平台').optional(),
  manuscriptId: id('稿件').optional(),
  status: z.enum(RELEASE_STATUSES, '状态无效').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ReleaseListQuery = z.infer<typeof ReleaseListQuery>;

export const CreateReleaseInput = z.strictObject({
  manuscriptId: id('稿件'),
  channelId: id('发布平台'),
  url: httpUrl.nullable().default(null),
  reach: z.number().int('阅读量须为整数').min(0, '阅读量不能为负数').max(1_000_000_000, '阅读量过大').nullable().default(null),
  /** Defaults to now; a post made earlier may be recorded afterwards, never in the future. */
  releasedAt: z.iso.datetime({ offset: true, message: '发布时间格式不正确' }).optional(),
});
export type CreateReleaseInput = z.infer<typeof CreateReleaseInput>;
export const UpdateReleaseInput = z.strictObject({
  url: httpUrl.nullable().optional(),
  reach: z.number().int('阅读量须为整数').min(0, '阅读量不能为负数').max(1_000_000_000, '阅读量过大').nullable().optional(),
});
export type UpdateReleaseInput = z.infer<typeof UpdateReleaseInput>;
export const WithdrawReleaseInput = z.strictObject({
  reason: z.string().trim().min(2, '请填写撤下原因（至少 2 个字）').max(500, '撤下原因最多 500 个字'),
});
export const ReleaseIdParams = z.strictObject({ id: id('发布记录') });

/** Seed 003's periodic clean-up: own-channel posts older than `days` (since release or last check). */
export const SweepQuery = z.strictObject({
  orgId: id('单位').optional(),
  days: z.coerce.number().int('天数须为整数').min(1, '天数至少为 1').max(3650, '天数最多 3650').default(180),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type SweepQuery = z.infer<typeof SweepQuery>;

/** Whether an approved manuscript may be released now, and why not. */
export const ReleaseReadiness = z.object({
  manuscriptId: z.uuid(),
  title: z.string(),
  ready: z.boolean(),
  reason: z.string().nullable(),
  /** The release chain that applies (初审 → 审核 → 审批), with each step's state. */
  chain: z.array(z.object({ name: z.string(), status: z.string() })),
  policyName: z.string().nullable(),
});
export type ReleaseReadiness = z.infer<typeof ReleaseReadiness>;
