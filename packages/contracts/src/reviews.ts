import { z } from 'zod';
import { IDEMPOTENCY_KEY, IMPORTANCES, type Importance } from './manuscripts.ts';
import { ROLE_PERMISSIONS } from './permissions.ts';
import { ROLES, type Role } from './roles.ts';

/** Where a step's reviewers are found, relative to the manuscript's unit. */
export const REVIEW_RESOLVERS = ['own_unit', 'parent_unit', 'named_unit'] as const;
export type ReviewResolver = (typeof REVIEW_RESOLVERS)[number];
export const REVIEW_RESOLVER_LABELS = {
  own_unit: '本单位',
  parent_unit: '上级单位',
  named_unit: '指定单位',
} as const satisfies Record<ReviewResolver, string>;

/** one: any one reviewer decides; all: 会签, every reviewer of the step must approve. */
export const REVIEW_MODES = ['one', 'all'] as const;
export type ReviewMode = (typeof REVIEW_MODES)[number];

/** submission: 报送审核 (seed 004); release: 发布审核 on the office's own channels (seed 003). */
export const POLICY_PURPOSES = ['submission', 'release'] as const;
export type PolicyPurpose = (typeof POLICY_PURPOSES)[number];

/** Roles that can hold a review step: those whose grant carries manuscript.review. */
export const REVIEWER_ROLES = ROLES.filter((r: Role) => (ROLE_PERMISSIONS[r] as readonly string[]).includes('manuscript.review'));

export const ReviewStepDef = z.strictObject({
  name: z.string().trim().min(1, '请填写环节名称').max(20, '环节名称最多 20 个字'),
  role: z.enum(ROLES, '角色无效').refine((r) => REVIEWER_ROLES.includes(r), '该角色不能担任审核'),
  resolve: z.enum(REVIEW_RESOLVERS, '审核人来源无效'),
  /** named_unit only: the unit whose reviewers act. */
  orgId: z.uuid('指定单位无效').nullable().default(null),
  /** Narrows reviewers by 职务, e.g. 分管 or 副书记. */
  titleContains: z.string().trim().max(20, '职务关键字最多 20 个字').nullable().default(null),
  mode: z.enum(REVIEW_MODES, '审核方式无效').default('one'),
  deadlineHours: z.number().int().min(1, '时限至少 1 小时').max(720, '时限最多 720 小时').default(24),
});
export type ReviewStepDef = z.infer<typeof ReviewStepDef>;

const steps = z
  .array(ReviewStepDef)
  .min(1, '至少需要一个审核环节')
  .max(6, '审核环节最多 6 个')
  .refine((list) => list.every((s) => s.resolve !== 'named_unit' || s.orgId), '“指定单位”的环节必须选择单位');

const step = (name: string, resolve: ReviewResolver, titleContains: string | null, mode: ReviewMode = 'one'): ReviewStepDef => ({
  name,
  role: 'reviewer',
  resolve,
  orgId: null,
  titleContains,
  mode,
  deadlineHours: 24,
});

/**
 * Seed 004's 审稿制度, used wherever no configured policy applies: 一般 by the unit head;
 * 重大活动 also by the 分管领导; key decisions and overall evaluations by the 分管领导 and the 副书记.
 */
export const DEFAULT_SUBMISSION_CHAINS = {
  general: [step('单位负责人审核', 'own_unit', null)],
  major_event: [step('单位负责人审核', 'own_unit', null), step('分管领导审核', 'parent_unit', '分管')],
  key_decision: [step('分管领导审核', 'parent_unit', '分管'), step('副书记审阅', 'parent_unit', '副书记')],
} as const satisfies Record<Importance, ReviewStepDef[]>;

/** Seed 003's 信息发布审核: 科室负责人初审 → 分管领导审核 → 主要领导审批. */
export const DEFAULT_RELEASE_CHAIN: ReviewStepDef[] = [step('初审', 'own_unit', null), step('审核', 'parent_unit', '分管'), step('审批', 'parent_unit', '书记')];

export const ReviewPolicy = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  name: z.string(),
  purpose: z.enum(POLICY_PURPOSES),
  /** null: any category. */
  categoryId: z.uuid().nullable(),
  categoryName: z.string().nullable(),
  /** null: any importance. */
  importance: z.enum(IMPORTANCES).nullable(),
  steps: z.array(ReviewStepDef),
  status: z.enum(['active', 'disabled']),
  updatedAt: z.string(),
});
export type ReviewPolicy = z.infer<typeof ReviewPolicy>;

export const CreateReviewPolicyInput = z.strictObject({
  /** Applies to manuscripts of this unit and every unit under it; the nearest unit's policy wins. */
  orgId: z.uuid('适用单位无效'),
  name: z.string().trim().min(2, '策略名称至少 2 个字').max(40, '策略名称最多 40 个字'),
  purpose: z.enum(POLICY_PURPOSES).default('submission'),
  categoryId: z.uuid('栏目分类无效').nullable().default(null),
  importance: z.enum(IMPORTANCES, '重要程度无效').nullable().default(null),
  steps,
});
export type CreateReviewPolicyInput = z.infer<typeof CreateReviewPolicyInput>;
export const UpdateReviewPolicyInput = z.strictObject({
  name: z.string().trim().min(2).max(40).optional(),
  categoryId: z.uuid('栏目分类无效').nullable().optional(),
  importance: z.enum(IMPORTANCES, '重要程度无效').nullable().optional(),
  steps: steps.optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
export type UpdateReviewPolicyInput = z.infer<typeof UpdateReviewPolicyInput>;
export const ReviewPolicyIdParams = z.strictObject({ id: z.uuid('策略编号无效') });
export const ReviewPolicyListQuery = z.strictObject({ purpose: z.enum(POLICY_PURPOSES).optional() });
export const ReviewPolicyListOutput = z.object({ items: z.array(ReviewPolicy) });

// ── Steps and decisions on a manuscript ───────────────────────────────────────────────────────
export const STEP_STATUSES = ['waiting', 'pending', 'approved', 'returned', 'cancelled'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
export const STEP_STATUS_LABELS = {
  waiting: '未开始',
  pending: '待审核',
  approved: '已通过',
  returned: '已退回',
  cancelled: '已作废',
} as const satisfies Record<StepStatus, string>;

export const DECISIONS = ['approve', 'return', 'approve_with_edits'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS = { approve: '通过', return: '退回', approve_with_edits: '修改后通过' } as const satisfies Record<Decision, string>;

export const ReviewDecision = z.object({
  reviewerId: z.uuid(),
  reviewerName: z.string(),
  reviewerTitle: z.string().nullable(),
  decision: z.enum(DECISIONS),
  comment: z.string(),
  round: z.number().int(),
  /** The version an approve-with-edits created. */
  version: z.number().int().nullable(),
  at: z.string(),
});
export type ReviewDecision = z.infer<typeof ReviewDecision>;

export const ReviewStep = z.object({
  id: z.uuid(),
  position: z.number().int(),
  name: z.string(),
  mode: z.enum(REVIEW_MODES),
  status: z.enum(STEP_STATUSES),
  round: z.number().int(),
  orgName: z.string().nullable(),
  activatedAt: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  overdue: z.boolean(),
  decidedAt: z.string().nullable(),
  assignees: z.array(z.object({ id: z.uuid(), name: z.string(), title: z.string().nullable() })),
  decisions: z.array(ReviewDecision),
});
export type ReviewStep = z.infer<typeof ReviewStep>;
export const ReviewStepListOutput = z.object({ items: z.array(ReviewStep) });

export const DecisionInput = z
  .strictObject({
    decision: z.enum(DECISIONS, '审核意见类型无效'),
    comment: z.string().trim().max(1000, '审核意见最多 1000 个字').default(''),
    /** approve_with_edits: the reviewer's changes, which become a new version. */
    edits: z
      .strictObject({
        title: z.string().trim().min(1).max(200).optional(),
        bodyHtml: z.string().max(500_000).optional(),
      })
      .optional(),
    idempotencyKey: IDEMPOTENCY_KEY.optional(),
  })
  .refine((d) => d.decision !== 'return' || d.comment.length >= 2, { message: '退回必须填写理由（至少 2 个字）', path: ['comment'] })
  .refine((d) => d.decision !== 'approve_with_edits' || (d.edits && (d.edits.title || d.edits.bodyHtml)), {
    message: '“修改后通过”需要提交修改内容',
    path: ['edits'],
  });
export type DecisionInput = z.infer<typeof DecisionInput>;
export const StepIdParams = z.strictObject({ stepId: z.uuid('审核环节编号无效') });

export const PendingReview = z.object({
  stepId: z.uuid(),
  stepName: z.string(),
  /** release: a 发布审核 step (初审 → 审核 → 审批) of an already approved manuscript. */
  purpose: z.enum(POLICY_PURPOSES),
  position: z.number().int(),
  manuscriptId: z.uuid(),
  title: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  reporterName: z.string(),
  categoryName: z.string().nullable(),
  importance: z.enum(IMPORTANCES),
  reportKind: z.enum(['first', 'follow_up', 'final']).nullable(),
  submittedAt: z.string().nullable(),
  activatedAt: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  overdue: z.boolean(),
  assigneeNames: z.array(z.string()),
  /** all: a co-sign (会签) step, done when every assignee has approved; `approvals` so far this round. */
  mode: z.enum(REVIEW_MODES),
  approvals: z.number().int(),
});
export type PendingReview = z.infer<typeof PendingReview>;
export const PendingReviewQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const PendingReviewListOutput = z.object({ items: z.array(PendingReview), total: z.number().int() });
export const PendingCountOutput = z.object({ count: z.number().int(), overdue: z.number().int() });
export const OverdueQuery = z.strictObject({
  orgId: z.uuid('单位无效').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const BulkApproveInput = z.strictObject({
  stepIds: z.array(z.uuid('审核环节编号无效')).min(1, '请选择要通过的稿件').max(100, '一次最多批量通过 100 篇'),
  comment: z.string().trim().max(1000).default(''),
});
export const BulkApproveOutput = z.object({
  succeeded: z.number().int(),
  failed: z.number().int(),
  results: z.array(z.object({ stepId: z.uuid(), ok: z.boolean(), code: z.string().nullable(), message: z.string().nullable(), manuscriptId: z.uuid().nullable() })),
});
export type BulkApproveOutput = z.infer<typeof BulkApproveOutput>;
