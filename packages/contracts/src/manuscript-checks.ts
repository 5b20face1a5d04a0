import { z } from 'zod';
import { GENRES, MANUSCRIPT_STATUSES, type Genre } from './manuscripts.ts';

/** Fields a submission rule may require. */
export const RULE_FIELDS = ['title', 'bodyHtml', 'categoryId', 'authors', 'eventAt'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];
export const RULE_FIELD_LABELS = {
  title: '标题',
  bodyHtml: '正文',
  categoryId: '栏目分类',
  authors: '作者',
  eventAt: '事件时间',
} as const satisfies Record<RuleField, string>;

export const SubmissionRuleFields = z.strictObject({
  requiredFields: z.array(z.enum(RULE_FIELDS, '必填项无效')).max(RULE_FIELDS.length),
  titleMin: z.number().int().min(0).max(200),
  titleMax: z.number().int().min(1).max(200),
  bodyMin: z.number().int().min(0).max(100_000),
  bodyMax: z.number().int().min(1).max(500_000),
  minPhotos: z.number().int().min(0).max(50),
  captionsRequired: z.boolean(),
  /** Run the wording check (sensitive words, leaders' titles). */
  wordingCheck: z.boolean(),
});
export type SubmissionRuleFields = z.infer<typeof SubmissionRuleFields>;

export const SubmissionRule = SubmissionRuleFields.extend({
  genre: z.enum(GENRES),
  /** The unit whose rule this is; null for the built-in default. */
  orgId: z.uuid().nullable(),
});
export type SubmissionRule = z.infer<typeof SubmissionRule>;

const base: SubmissionRuleFields = {
  requiredFields: ['title', 'bodyHtml', 'categoryId'],
  titleMin: 8,
  titleMax: 40,
  bodyMin: 50,
  bodyMax: 20_000,
  minPhotos: 0,
  captionsRequired: true,
  wordingCheck: true,
};

/** Seed 004's requirements as defaults: 8–40 字 titles, captioned photos, ≥ 1 photo for 图片新闻. */
export const DEFAULT_SUBMISSION_RULES = {
  work_info: base,
  news: base,
  feature: { ...base, bodyMin: 300 },
  commentary: { ...base, bodyMin: 300 },
  photo_news: { ...base, bodyMin: 10, minPhotos: 1 },
  video: { ...base, bodyMin: 10 },
} as const satisfies Record<Genre, SubmissionRuleFields>;

export const SubmissionRuleQuery = z.strictObject({ orgId: z.uuid('单位无效').optional() });
export const SubmissionRuleListOutput = z.object({ items: z.array(SubmissionRule) });
export const UpdateSubmissionRuleInput = SubmissionRuleFields.extend({ orgId: z.uuid('单位无效') })
  .strict()
  .refine((r) => r.titleMin <= r.titleMax, { message: '标题最短字数不能大于最长字数', path: ['titleMin'] })
  .refine((r) => r.bodyMin <= r.bodyMax, { message: '正文最短字数不能大于最长字数', path: ['bodyMin'] });
export type UpdateSubmissionRuleInput = z.infer<typeof UpdateSubmissionRuleInput>;
export const GenreParams = z.strictObject({ genre: z.enum(GENRES, '体裁无效') });

export const PROBLEM_LEVELS = ['blocking', 'warning'] as const;
export const PROBLEM_CODES = [
  'required',
  'title_length',
  'body_length',
  'photos_missing',
  'caption_missing',
  'sensitive_word',
  'wording',
  'leader_title',
  'no_reviewer',
  'urgent_event_time',
  'commission_closed',
] as const;

/**
 * One problem found by the check. `path` names the field (title, bodyHtml, captions.2 …); for
 * text hits, start/end are offsets in that field's plain text (the body's blocks joined by \n),
 * so the editor can highlight them.
 */
export const CheckProblem = z.object({
  code: z.enum(PROBLEM_CODES),
  level: z.enum(PROBLEM_LEVELS),
  path: z.string(),
  message: z.string(),
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
  found: z.string().nullable(),
  suggestion: z.string().nullable(),
});
export type CheckProblem = z.infer<typeof CheckProblem>;

export const ChainPreviewStep = z.object({
  position: z.number().int(),
  name: z.string(),
  mode: z.enum(['one', 'all']),
  orgName: z.string().nullable(),
  candidates: z.array(z.object({ id: z.uuid(), name: z.string(), title: z.string().nullable() })),
});
export type ChainPreviewStep = z.infer<typeof ChainPreviewStep>;

export const CheckResult = z.object({
  ok: z.boolean(),
  blocking: z.number().int(),
  warnings: z.number().int(),
  problems: z.array(CheckProblem),
  /** Who will review it, step by step, if submitted now. */
  chain: z.array(ChainPreviewStep),
});
export type CheckResult = z.infer<typeof CheckResult>;

// ── Versions ──────────────────────────────────────────────────────────────────────────────────
export const VERSION_KINDS = ['submitted', 'revised', 'review_edit'] as const;
export const VERSION_KIND_LABELS = { submitted: '报送', revised: '修改', review_edit: '审核修改' } as const;

export const ManuscriptVersion = z.object({
  version: z.number().int(),
  kind: z.enum(VERSION_KINDS),
  title: z.string(),
  createdById: z.uuid().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ManuscriptVersion = z.infer<typeof ManuscriptVersion>;
export const ManuscriptVersionDetail = ManuscriptVersion.extend({ bodyHtml: z.string(), captions: z.array(z.string()) });
export const ManuscriptVersionListOutput = z.object({ items: z.array(ManuscriptVersion) });
export const VersionParams = z.strictObject({ id: z.uuid('稿件编号无效'), version: z.coerce.number().int().min(1, '版本号无效') });

const DIFF_OPS = ['equal', 'insert', 'delete'] as const;
export const WordDiffOp = z.object({ op: z.enum(DIFF_OPS), text: z.string() });
export type WordDiffOp = z.infer<typeof WordDiffOp>;
/**
 * One paragraph (or caption) of a diff. An `insert` that rewrites the `delete` just before it
 * carries `words`: the change within the paragraph, word by word (jieba words), so a reader sees
 * the two characters that changed rather than two whole paragraphs.
 */
export const DiffOp = z.object({ op: z.enum(DIFF_OPS), text: z.string(), words: z.array(WordDiffOp).optional() });
export type DiffOp = z.infer<typeof DiffOp>;
export const VersionDiffQuery = z.strictObject({
  from: z.coerce.number().int().min(0, '版本号无效'),
  to: z.coerce.number().int().min(0, '版本号无效'),
});
/** Version 0 in a diff means the current working copy. */
export const VersionDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  title: z.array(DiffOp),
  body: z.array(DiffOp),
  captions: z.array(DiffOp),
});
export type VersionDiff = z.infer<typeof VersionDiff>;

// ── Commissioning (约稿) ──────────────────────────────────────────────────────────────────────
export const COMMISSION_STATUSES = ['open', 'closed'] as const;
export const CommissionTarget = z.object({
  orgId: z.uuid(),
  orgName: z.string(),
  manuscriptCount: z.number().int(),
  firstSubmittedAt: z.string().nullable(),
  /** Past due with nothing submitted in time. */
  missed: z.boolean(),
});
export const Commission = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  topic: z.string(),
  description: z.string(),
  dueAt: z.string(),
  status: z.enum(COMMISSION_STATUSES),
  createdByName: z.string(),
  createdAt: z.string(),
  targets: z.array(CommissionTarget),
});
export type Commission = z.infer<typeof Commission>;
export const CreateCommissionInput = z.strictObject({
  /** The issuing office (an org within the editor's scope). */
  orgId: z.uuid('发起单位无效'),
  topic: z.string().trim().min(2, '约稿主题至少 2 个字').max(100, '约稿主题最多 100 个字'),
  description: z.string().trim().max(2000, '约稿说明最多 2000 个字').default(''),
  dueAt: z.iso.datetime({ offset: true, message: '截止时间格式不正确' }),
  targetOrgIds: z.array(z.uuid('约稿单位无效')).min(1, '请至少选择一个约稿单位').max(500),
});
export type CreateCommissionInput = z.infer<typeof CreateCommissionInput>;
export const UpdateCommissionInput = z.strictObject({ status: z.enum(COMMISSION_STATUSES) });
export const CommissionIdParams = z.strictObject({ id: z.uuid('约稿编号无效') });
export const CommissionListQuery = z.strictObject({
  status: z.enum(COMMISSION_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const CommissionListOutput = z.object({ items: z.array(Commission), total: z.number().int() });
export const MissedCommissionsQuery = z.strictObject({ orgId: z.uuid('单位无效').optional() });
export const MissedCommission = z.object({
  commissionId: z.uuid(),
  topic: z.string(),
  dueAt: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
});
export const MissedCommissionsOutput = z.object({ items: z.array(MissedCommission) });

// ── Urgent lane (突发事件) ────────────────────────────────────────────────────────────────────
export const UrgentReport = z.object({
  id: z.uuid(),
  kind: z.enum(['first', 'follow_up', 'final']),
  seq: z.number().int(),
  title: z.string(),
  status: z.enum(MANUSCRIPT_STATUSES),
  submittedAt: z.string().nullable(),
});
export type UrgentReport = z.infer<typeof UrgentReport>;
export const UrgentChain = z.object({
  chainId: z.uuid(),
  title: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  eventAt: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  overdue: z.boolean(),
  /** Why it is overdue, in 中文, or null. */
  overdueReason: z.string().nullable(),
  reports: z.array(UrgentReport),
});
export type UrgentChain = z.infer<typeof UrgentChain>;
export const UrgentListQuery = z.strictObject({ open: z.enum(['true', 'false']).optional() });
export const UrgentListOutput = z.object({ items: z.array(UrgentChain) });
export const UrgentChainParams = z.strictObject({ chainId: z.uuid('首报编号无效') });
