import { z } from 'zod';

/** feed: RSS / Atom / JSON Feed (so any RSSHub route works); web: list page + article pages; manual: entered or imported by people. */
export const SOURCE_KINDS = ['feed', 'web', 'manual'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const SOURCE_KIND_LABELS = { feed: '订阅源', web: '网页', manual: '人工录入' } as const satisfies Record<SourceKind, string>;

const httpUrl = z
  .string()
  .trim()
  .max(2000, '地址最多 2000 个字符')
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.username === '' && u.password === '';
    } catch {
      return false;
    }
  }, '地址必须是 http:// 或 https:// 开头的网址，且不能包含用户名密码');

/** CSS selectors for a web source; readability extracts the article when title/content are not given. */
export const WebSelectors = z.strictObject({
  list: z.string().trim().min(1, '请填写列表页中文章链接的选择器').max(300),
  title: z.string().trim().max(300).nullable().optional(),
  content: z.string().trim().max(300).nullable().optional(),
  date: z.string().trim().max(300).nullable().optional(),
});
export type WebSelectors = z.infer<typeof WebSelectors>;

export const SourceHealth = z.object({
  lastFetchAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  /** The last failure in 中文, kept until a later success clears it. */
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  errorStreak: z.number().int(),
  itemsLastDay: z.number().int(),
  itemsTotal: z.number().int(),
  nextFetchAt: z.string().nullable(),
});
export type SourceHealth = z.infer<typeof SourceHealth>;

export const Source = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  name: z.string(),
  kind: z.enum(SOURCE_KINDS),
  url: z.string().nullable(),
  selectors: WebSelectors.nullable(),
  region: z.string().nullable(),
  intervalMinutes: z.number().int(),
  enabled: z.boolean(),
  health: SourceHealth,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Source = z.infer<typeof Source>;

const sourceName = z.string().trim().min(2, '信源名称至少 2 个字').max(60, '信源名称最多 60 个字');
const interval = z.number().int().min(5, '抓取间隔至少 5 分钟').max(1440, '抓取间隔最多 1440 分钟（一天）');
const region = z.string().trim().min(1).max(30, '地域最多 30 个字').nullable();

export const CreateSourceInput = z
  .strictObject({
    orgId: z.uuid('所属单位无效'),
    name: sourceName,
    kind: z.enum(SOURCE_KINDS, '信源类型无效'),
    url: httpUrl.nullable().optional(),
    selectors: WebSelectors.nullable().optional(),
    region: region.optional(),
    intervalMinutes: interval.default(30),
    enabled: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== 'manual' && !v.url) ctx.addIssue({ code: 'custom', path: ['url'], message: '订阅源和网页信源必须填写地址' });
    if (v.kind === 'web' && !v.selectors) ctx.addIssue({ code: 'custom', path: ['selectors'], message: '网页信源必须填写列表页选择器' });
  });
export type CreateSourceInput = z.infer<typeof CreateSourceInput>;

export const UpdateSourceInput = z.strictObject({
  name: sourceName.optional(),
  url: httpUrl.nullable().optional(),
  selectors: WebSelectors.nullable().optional(),
  region: region.optional(),
  intervalMinutes: interval.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateSourceInput = z.infer<typeof UpdateSourceInput>;

export const SourceListQuery = z.strictObject({
  orgId: z.uuid().optional(),
  kind: z.enum(SOURCE_KINDS).optional(),
  enabled: z.enum(['true', 'false']).optional(),
  failing: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type SourceListQuery = z.infer<typeof SourceListQuery>;
export const SourceListOutput = z.object({ items: z.array(Source), total: z.number().int() });
export const SourceIdParams = z.strictObject({ id: z.uuid('信源编号无效') });

/** Manual entry: someone pastes a link and the text they saw. */
export const ManualEntryInput = z.strictObject({
  url: httpUrl.nullable().optional(),
  title: z.string().trim().min(1, '请填写标题').max(300, '标题最多 300 个字'),
  content: z.string().trim().max(50_000, '正文最多 50000 个字').default(''),
  author: z.string().trim().max(100).nullable().optional(),
  publishedAt: z.iso.datetime({ offset: true, message: '发布时间格式不正确' }).nullable().optional(),
});
export type ManualEntryInput = z.infer<typeof ManualEntryInput>;

export const IngestOutcome = z.object({
  received: z.number().int(),
  stored: z.number().int(),
  duplicates: z.number().int(),
  mentionIds: z.array(z.uuid()),
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
});
export type IngestOutcome = z.infer<typeof IngestOutcome>;

/**
 * Addresses the fetcher may reach although they are private, loopback or link-local: CIDRs
 * such as 10.20.0.0/16 for an intranet portal. Only the security admin edits this.
 */
export const FetchPolicy = z.strictObject({
  allowCidrs: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[0-9a-fA-F:.]+\/\d{1,3}$/, '请填写 CIDR 格式，如 10.20.0.0/16 或 fd00::/8'),
    )
    .max(100),
});
export type FetchPolicy = z.infer<typeof FetchPolicy>;
export const DEFAULT_FETCH_POLICY: FetchPolicy = { allowCidrs: [] };

export const FetchQueuedOutput = z.object({ queued: z.boolean(), message: z.string() });
