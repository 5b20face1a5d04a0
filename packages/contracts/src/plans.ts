import { z } from 'zod';
import { EvidenceFile, EvidenceRef, IsoDate } from './activities.ts';

/**
 * A task's life: assigned (pending) → in progress (first report) → submitted for review (申请办结)
 * → done after the office's 复核, or back to in progress. The server holds the same table as data.
 */
export const TASK_STATUSES = ['pending', 'in_progress', 'submitted', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS = {
  pending: '待办理',
  in_progress: '办理中',
  submitted: '待复核',
  done: '已办结',
  cancelled: '已撤销',
} as const satisfies Record<TaskStatus, string>;

/** 督办 lights by time left: blue > 3 days, yellow ≤ 3 days, red overdue; done and undated tasks have none. */
export const TASK_LIGHTS = ['blue', 'yellow', 'red', 'done', 'none'] as const;
export type TaskLight = (typeof TASK_LIGHTS)[number];
export const TASK_LIGHT_LABELS = { blue: '正常', yellow: '临期', red: '逾期', done: '已办结', none: '未定期限' } as const satisfies Record<TaskLight, string>;

export const URGE_STATUSES = ['issued', 'signed', 'answered'] as const;
export type UrgeStatus = (typeof URGE_STATUSES)[number];
export const URGE_STATUS_LABELS = { issued: '待签收', signed: '已签收待答复', answered: '已答复' } as const satisfies Record<UrgeStatus, string>;

export const EXTENSION_STATUSES = ['requested', 'approved', 'rejected'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];
export const EXTENSION_STATUS_LABELS = { requested: '待审批', approved: '已批准', rejected: '已驳回' } as const satisfies Record<ExtensionStatus, string>;

const OrgRef = z.object({ id: z.uuid(), name: z.string() });

export const Phase = z.object({
  id: z.uuid(),
  name: z.string(),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  sortOrder: z.number().int(),
});
export type Phase = z.infer<typeof Phase>;

export const TaskActions = z.object({
  edit: z.boolean(),
  report: z.boolean(),
  submit: z.boolean(),
  review: z.boolean(),
  cancel: z.boolean(),
  urge: z.boolean(),
  requestExtension: z.boolean(),
});
export type TaskActions = z.infer<typeof TaskActions>;

export const Task = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  planTitle: z.string(),
  phaseId: z.uuid().nullable(),
  phaseName: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  leadOrg: OrgRef.nullable(),
  cooperatingOrgs: z.array(OrgRef),
  deadline: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  light: z.enum(TASK_LIGHTS),
  /** Days from today to the deadline; negative when overdue. */
  daysLeft: z.number().int().nullable(),
  completedAt: z.string().nullable(),
  closedLate: z.boolean(),
  accountabilityNote: z.string().nullable(),
  reportCount: z.number().int(),
  lastReportAt: z.string().nullable(),
  openUrges: z.number().int(),
  pendingExtension: z.boolean(),
  sortOrder: z.number().int(),
  version: z.number().int(),
  actions: TaskActions,
});
export type Task = z.infer<typeof Task>;

export const ProgressReport = z.object({
  id: z.uuid(),
  body: z.string(),
  files: z.array(EvidenceFile),
  byName: z.string(),
  orgName: z.string(),
  at: z.string(),
});
export type ProgressReport = z.infer<typeof ProgressReport>;

export const Urge = z.object({
  id: z.uuid(),
  code: z.string(),
  body: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(URGE_STATUSES),
  issuedByName: z.string(),
  issuedAt: z.string(),
  signedByName: z.string().nullable(),
  signedAt: z.string().nullable(),
  answer: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  canSign: z.boolean(),
  canAnswer: z.boolean(),
});
export type Urge = z.infer<typeof Urge>;

export const Extension = z.object({
  id: z.uuid(),
  reason: z.string(),
  fromDeadline: z.string().nullable(),
  toDeadline: z.string(),
  status: z.enum(EXTENSION_STATUSES),
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  canDecide: z.boolean(),
});
export type Extension = z.infer<typeof Extension>;

export const TaskDetail = Task.extend({
  reports: z.array(ProgressReport),
  urges: z.array(Urge),
  extensions: z.array(Extension),
  reviewNote: z.string().nullable(),
});
export type TaskDetail = z.infer<typeof TaskDetail>;

export const PlanStats = z.object({
  total: z.number().int(),
  done: z.number().int(),
  red: z.number().int(),
  yellow: z.number().int(),
  unassigned: z.number().int(),
});

export const PlanSummary = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  title: z.string(),
  year: z.number().int(),
  createdAt: z.string(),
  stats: PlanStats,
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const Plan = PlanSummary.extend({
  phases: z.array(Phase),
  tasks: z.array(Task),
  canManage: z.boolean(),
  version: z.number().int(),
});
export type Plan = z.infer<typeof Plan>;

// ---- drafts: what the parser proposes and the user edits before saving ----

const title = z.string().trim().min(2, '标题至少 2 个字').max(200, '标题最多 200 个字');
export const DraftTask = z.strictObject({
  title: z.string().trim().min(2, '任务名称至少 2 个字').max(200, '任务名称最多 200 个字'),
  description: z.string().max(5000).default(''),
  deadline: IsoDate.nullable().default(null),
  /** The words the deadline came from (e.g. 4月底前), so the user can check it. */
  deadlineText: z.string().max(50).nullable().default(null),
  leadOrgId: z.uuid().nullable().default(null),
  cooperatingOrgIds: z.array(z.uuid()).max(30).default([]),
});
export type DraftTask = z.infer<typeof DraftTask>;
export const DraftPhase = z.strictObject({
  name: z.string().trim().min(1, '请填写阶段名称').max(100, '阶段名称最多 100 个字'),
  startOn: IsoDate.nullable().default(null),
  endOn: IsoDate.nullable().default(null),
  tasks: z.array(DraftTask).max(200).default([]),
});
export type DraftPhase = z.infer<typeof DraftPhase>;
export const PlanDraft = z.object({
  title: z.string(),
  year: z.number().int(),
  phases: z.array(DraftPhase),
  /** What the parser left out or guessed, in 中文, so nothing is silently dropped. */
  notes: z.array(z.string()),
  /** How many separate documents the text holds (e.g. 篇1…篇4) and which one was read. */
  documents: z.number().int(),
  part: z.number().int(),
});
export type PlanDraft = z.infer<typeof PlanDraft>;

export const ParsePlanInput = z.strictObject({
  text: z.string().min(10, '请粘贴工作方案全文').max(200_000, '文本过长'),
  year: z.number().int().min(2000).max(2100).optional(),
  part: z.number().int().min(1).max(50).optional(),
});
export type ParsePlanInput = z.infer<typeof ParsePlanInput>;

export const CreatePlanInput = z.strictObject({
  orgId: z.uuid('请选择牵头制定方案的单位'),
  title,
  year: z.number().int().min(2000).max(2100),
  phases: z.array(DraftPhase).max(50).default([]),
});
export type CreatePlanInput = z.infer<typeof CreatePlanInput>;

export const PlanListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const PlanListOutput = z.object({ items: z.array(PlanSummary), total: z.number().int() });
export const PlanIdParams = z.strictObject({ id: z.uuid('方案编号无效') });

export const CreateTaskInput = z.strictObject({
  phaseId: z.uuid().nullable().default(null),
  title: DraftTask.shape.title,
  description: z.string().max(5000).default(''),
  deadline: IsoDate.nullable().default(null),
  leadOrgId: z.uuid().nullable().default(null),
  cooperatingOrgIds: z.array(z.uuid()).max(30).default([]),
});
export type CreateTaskInput = z.infer<typeof CreateTaskInput>;

/** Edit or (re)assign a task; `version` guards against two editors overwriting each other. */
export const UpdateTaskInput = z.strictObject({
  version: z.number().int().min(1),
  title: DraftTask.shape.title.optional(),
  description: z.string().max(5000).optional(),
  deadline: IsoDate.nullable().optional(),
  leadOrgId: z.uuid().nullable().optional(),
  cooperatingOrgIds: z.array(z.uuid()).max(30).optional(),
  phaseId: z.uuid().nullable().optional(),
});
export type UpdateTaskInput = z.infer<typeof UpdateTaskInput>;

export const TaskListQuery = z.strictObject({
  planId: z.uuid().optional(),
  /** Tasks whose lead unit lies in this unit's subtree. */
  orgId: z.uuid().optional(),
  status: z.enum(TASK_STATUSES).optional(),
  light: z.enum(TASK_LIGHTS).optional(),
  /** Only tasks waiting on the office: submitted for review or with an extension request. */
  needsOffice: z.coerce.boolean().optional(),
  /** Only tasks waiting on the unit: an unsigned or unanswered 督办单. */
  needsUnit: z.coerce.boolean().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;
export const TaskListOutput = z.object({ items: z.array(Task), total: z.number().int() });
export const TaskIdParams = z.strictObject({ id: z.uuid('任务编号无效') });
export const TaskSubParams = z.strictObject({ id: z.uuid('任务编号无效'), subId: z.uuid('编号无效') });
export const TaskFileParams = z.strictObject({ id: z.uuid('任务编号无效'), sha256: z.string().regex(/^[0-9a-f]{64}$/, '附件无效') });

export const ReportProgressInput = z.strictObject({
  body: z.string().trim().min(2, '请填写进展情况').max(5000, '进展情况最多 5000 字'),
  files: z.array(EvidenceRef).max(20).default([]),
});
export type ReportProgressInput = z.infer<typeof ReportProgressInput>;

export const SubmitTaskInput = z.strictObject({
  version: z.number().int().min(1),
  body: z.string().trim().min(2, '请填写办理结果').max(5000),
  files: z.array(EvidenceRef).max(20).default([]),
});
export type SubmitTaskInput = z.infer<typeof SubmitTaskInput>;

export const ReviewTaskInput = z.strictObject({
  version: z.number().int().min(1),
  decision: z.enum(['approve', 'return'], '请选择复核结论'),
  note: z.string().trim().max(2000).default(''),
  /** Required when a task closes after its deadline: who answers for the delay and how. */
  accountabilityNote: z.string().trim().max(2000).nullable().default(null),
});
export type ReviewTaskInput = z.infer<typeof ReviewTaskInput>;

export const CancelTaskInput = z.strictObject({ version: z.number().int().min(1), reason: z.string().trim().min(2, '请填写撤销原因').max(500) });

export const IssueUrgeInput = z.strictObject({
  body: z.string().trim().min(2, '请填写督办要求').max(2000),
  dueOn: IsoDate.nullable().default(null),
});
export type IssueUrgeInput = z.infer<typeof IssueUrgeInput>;
export const AnswerUrgeInput = z.strictObject({ answer: z.string().trim().min(2, '请填写答复内容').max(5000) });

export const RequestExtensionInput = z.strictObject({
  toDeadline: IsoDate,
  reason: z.string().trim().min(2, '请填写延期理由').max(2000),
});
export type RequestExtensionInput = z.infer<typeof RequestExtensionInput>;
export const DecideExtensionInput = z.strictObject({
  decision: z.enum(['approve', 'reject'], '请选择审批结论'),
  note: z.string().trim().max(1000).default(''),
});
export type DecideExtensionInput = z.infer<typeof DecideExtensionInput>;

export const AnnualSummaryQuery = z.strictObject({
  orgId: z.uuid('请选择单位'),
  year: z.coerce.number().int().min(2000).max(2100),
});
/** One figure of the annual summary: a number from the system, or a marked gap another module will fill. */
export const SummaryFigure = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  unit: z.string(),
  source: z.string(),
  /** The same figure for the year before, by the same definition; null before the system was in use. */
  previous: z.number().nullable().optional(),
});
export type SummaryFigure = z.infer<typeof SummaryFigure>;
export const AnnualSummaryOutput = z.object({
  orgId: z.uuid(),
  orgName: z.string(),
  year: z.number().int(),
  figures: z.array(SummaryFigure),
});
export type AnnualSummaryOutput = z.infer<typeof AnnualSummaryOutput>;
