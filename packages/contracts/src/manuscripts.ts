import { z } from 'zod';

/** 体裁: what kind of piece it is; submission rules are configured per genre. */
export const GENRES = ['work_info', 'news', 'feature', 'commentary', 'photo_news', 'video'] as const;
export type Genre = (typeof GENRES)[number];
export const GENRE_LABELS = {
  work_info: '工作信息',
  news: '消息',
  feature: '通讯',
  commentary: '评论',
  photo_news: '图片新闻',
  video: '视频',
} as const satisfies Record<Genre, string>;

/** 重要程度: decides which review policy applies (seed 004's 审稿制度). */
export const IMPORTANCES = ['general', 'major_event', 'key_decision'] as const;
export type Importance = (typeof IMPORTANCES)[number];
export const IMPORTANCE_LABELS = {
  general: '一般',
  major_event: '重大活动',
  key_decision: '重要决策/全局评价',
} as const satisfies Record<Importance, string>;

export const MANUSCRIPT_STATUSES = ['draft', 'submitted', 'in_review', 'approved', 'returned', 'withdrawn'] as const;
export type ManuscriptStatus = (typeof MANUSCRIPT_STATUSES)[number];
export const MANUSCRIPT_STATUS_LABELS = {
  draft: '草稿',
  submitted: '已报送',
  in_review: '审核中',
  approved: '已通过',
  returned: '已退回',
  withdrawn: '已撤回',
} as const satisfies Record<ManuscriptStatus, string>;

/**
 * The status machine as data: each act, the states it may start from and the state it leads to.
 * Verbs look their transition up here and update with `WHERE status IN (from)`, so a stale
 * request loses the race instead of overwriting.
 */
export const MANUSCRIPT_TRANSITIONS = {
  submit: { from: ['draft', 'returned', 'withdrawn'], to: 'submitted' },
  advance: { from: ['submitted', 'in_review'], to: 'in_review' },
  approve: { from: ['submitted', 'in_review'], to: 'approved' },
  return: { from: ['submitted', 'in_review'], to: 'returned' },
  withdraw: { from: ['submitted', 'in_review'], to: 'withdrawn' },
} as const satisfies Record<string, { from: readonly ManuscriptStatus[]; to: ManuscriptStatus }>;
export type ManuscriptTransition = keyof typeof MANUSCRIPT_TRANSITIONS;
/** States in which the reporter may still change the content. */
export const EDITABLE_STATUSES = ['draft', 'returned', 'withdrawn'] as const satisfies readonly ManuscriptStatus[];

/** 突发事件 chain: 首报, then 续报 in order, closed by a 终报. */
export const REPORT_KINDS = ['first', 'follow_up', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_KIND_LABELS = { first: '首报', follow_up: '续报', final: '终报' } as const satisfies Record<ReportKind, string>;

const uuid = (what: string) => z.uuid(`${what}无效`);
const title = z.string().trim().max(200, '标题最多 200 个字');
/** Rich text; the server sanitises it, this only bounds the size. */
const bodyHtml = z.string().max(500_000, '正文过长（超过 50 万个字符）');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, '文件编号无效');

export const ManuscriptAuthor = z.strictObject({
  name: z.string().trim().min(1, '请填写作者姓名').max(30, '作者姓名最多 30 个字'),
  userId: uuid('作者账号').nullable().default(null),
  orgId: uuid('作者单位').nullable().default(null),
  orgName: z.string().trim().max(60).nullable().default(null),
  /** Credit share in percent; the shares of one manuscript add up to 100. */
  share: z.number().int().min(0, '署名比例不能为负').max(100, '署名比例不能超过 100'),
});
export type ManuscriptAuthor = z.infer<typeof ManuscriptAuthor>;

const authors = z
  .array(ManuscriptAuthor)
  .max(20, '作者最多 20 人')
  .refine((list) => list.length === 0 || list.reduce((s, a) => s + a.share, 0) === 100, '各作者的署名比例之和应为 100');

export const ManuscriptAttachment = z.strictObject({
  sha256,
  name: z.string().trim().min(1).max(200),
  size: z.number().int().min(0),
  mime: z.string().max(120),
});
export type ManuscriptAttachment = z.infer<typeof ManuscriptAttachment>;

export const UrgentInfo = z.object({
  kind: z.enum(REPORT_KINDS),
  chainId: z.uuid(),
  seq: z.number().int(),
  eventAt: z.string().nullable(),
  /** 首报 only: the written report is due by then. */
  deadlineAt: z.string().nullable(),
  chainClosedAt: z.string().nullable(),
});
export type UrgentInfo = z.infer<typeof UrgentInfo>;

export const ManuscriptActions = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  withdraw: z.boolean(),
  /** The review step this actor may decide now, if any. */
  decideStepId: z.uuid().nullable(),
});

export const ManuscriptSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(MANUSCRIPT_STATUSES),
  orgId: z.uuid(),
  orgName: z.string(),
  reporterId: z.uuid(),
  reporterName: z.string(),
  categoryId: z.uuid().nullable(),
  categoryName: z.string().nullable(),
  genre: z.enum(GENRES),
  importance: z.enum(IMPORTANCES),
  reportKind: z.enum(REPORT_KINDS).nullable(),
  commissionId: z.uuid().nullable(),
  currentStepName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type ManuscriptSummary = z.infer<typeof ManuscriptSummary>;

export const Manuscript = ManuscriptSummary.extend({
  bodyHtml: z.string(),
  authors: z.array(ManuscriptAuthor),
  attachments: z.array(ManuscriptAttachment),
  /** Optimistic-concurrency token: send it back with every save. */
  revision: z.number().int(),
  /** Latest version number (0 before the first submission). */
  version: z.number().int(),
  urgent: UrgentInfo.nullable(),
  createdAt: z.string(),
  actions: ManuscriptActions,
});
export type Manuscript = z.infer<typeof Manuscript>;

export const ManuscriptIdParams = z.strictObject({ id: uuid('稿件编号') });

const urgentInput = z.strictObject({
  kind: z.enum(REPORT_KINDS, '报送类型无效'),
  /** 续报 / 终报: the 首报 they follow. */
  chainId: uuid('首报').optional(),
  eventAt: z.iso.datetime({ offset: true, message: '事件时间格式不正确' }).optional(),
});

export const CreateManuscriptInput = z.strictObject({
  /** The submitting unit; defaults to the reporter's own unit. */
  orgId: uuid('报送单位').optional(),
  title: title.optional(),
  bodyHtml: bodyHtml.optional(),
  categoryId: uuid('栏目分类').nullable().optional(),
  genre: z.enum(GENRES, '体裁无效').optional(),
  importance: z.enum(IMPORTANCES, '重要程度无效').optional(),
  authors: authors.optional(),
  commissionId: uuid('约稿').nullable().optional(),
  urgent: urgentInput.optional(),
});
export type CreateManuscriptInput = z.infer<typeof CreateManuscriptInput>;

/** The autosave: only the fields that changed, plus the revision the editor last saw. */
export const SaveDraftInput = z.strictObject({
  revision: z.number().int().min(1),
  title: title.optional(),
  bodyHtml: bodyHtml.optional(),
  categoryId: uuid('栏目分类').nullable().optional(),
  genre: z.enum(GENRES, '体裁无效').optional(),
  importance: z.enum(IMPORTANCES, '重要程度无效').optional(),
  authors: authors.optional(),
  attachments: z.array(ManuscriptAttachment).max(50, '附件最多 50 个').optional(),
  eventAt: z.iso.datetime({ offset: true, message: '事件时间格式不正确' }).nullable().optional(),
  commissionId: uuid('约稿').nullable().optional(),
});
export type SaveDraftInput = z.infer<typeof SaveDraftInput>;

export const SaveDraftOutput = z.object({
  id: z.uuid(),
  revision: z.number().int(),
  /** False when the content was already saved (a retried autosave). */
  changed: z.boolean(),
  updatedAt: z.string(),
  /** The body as stored, when sanitising changed it (the editor should adopt it). */
  bodyHtml: z.string().nullable(),
});
export type SaveDraftOutput = z.infer<typeof SaveDraftOutput>;

export const IDEMPOTENCY_KEY = z
  .string()
  .trim()
  .min(8, '幂等键至少 8 位')
  .max(128, '幂等键最多 128 位')
  .regex(/^[\w.:-]+$/, '幂等键只能包含字母、数字和 _.:-');

export const SubmitManuscriptInput = z.strictObject({
  /** Or the Idempotency-Key header: a retried submit returns the first answer. */
  idempotencyKey: IDEMPOTENCY_KEY.optional(),
  /** The revision the reporter saw; a newer one on the server answers 409. */
  revision: z.number().int().min(1).optional(),
});
export type SubmitManuscriptInput = z.infer<typeof SubmitManuscriptInput>;

export const WithdrawManuscriptInput = z.strictObject({ reason: z.string().trim().max(200).optional() });

export const MANUSCRIPT_VIEWS = ['mine', 'all'] as const;
export const ManuscriptListQuery = z.strictObject({
  /** mine: 我的稿件 (the reporter's own); all: 全部稿件 within the actor's scope. */
  view: z.enum(MANUSCRIPT_VIEWS).default('mine'),
  status: z.enum(MANUSCRIPT_STATUSES).optional(),
  orgId: uuid('单位').optional(),
  categoryId: uuid('栏目分类').optional(),
  genre: z.enum(GENRES).optional(),
  importance: z.enum(IMPORTANCES).optional(),
  commissionId: uuid('约稿').optional(),
  from: z.iso.datetime({ offset: true, message: '开始时间格式不正确' }).optional(),
  to: z.iso.datetime({ offset: true, message: '结束时间格式不正确' }).optional(),
  /** Chinese full-text search over title, body, captions and authors. */
  q: z.string().trim().max(100, '搜索词最多 100 个字').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ManuscriptListQuery = z.infer<typeof ManuscriptListQuery>;
export const ManuscriptListOutput = z.object({ items: z.array(ManuscriptSummary), total: z.number().int() });

export const UploadedFile = z.object({ sha256, url: z.string(), mime: z.string(), size: z.number().int(), name: z.string() });
export type UploadedFile = z.infer<typeof UploadedFile>;
export const FileParams = z.strictObject({ sha256 });

export const FILE_KINDS = ['image', 'attachment'] as const;
export const UploadFileQuery = z.strictObject({ kind: z.enum(FILE_KINDS).default('image') });

/** 作者候选: people who may be credited as authors (active, in the actor's scope), found by name. */
export const AuthorCandidateQuery = z.strictObject({
  q: z.string().trim().max(30, '姓名最多 30 个字').optional(),
  orgId: uuid('单位').optional(),
});
export const AuthorCandidate = z.object({ userId: z.uuid(), name: z.string(), title: z.string().nullable(), orgId: z.uuid(), orgName: z.string() });
export type AuthorCandidate = z.infer<typeof AuthorCandidate>;
export const AuthorCandidateListOutput = z.object({ items: z.array(AuthorCandidate) });
