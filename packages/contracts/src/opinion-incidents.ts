import { z } from 'zod';

/** 研判 grading, also used as alert severity. */
export const GRADES = ['general', 'serious', 'major', 'critical'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS = { general: '一般', serious: '较大', major: '重大', critical: '特别重大' } as const satisfies Record<Grade, string>;

export const INCIDENT_STAGES = ['discovered', 'assessing', 'handling', 'responding', 'closed'] as const;
export type IncidentStage = (typeof INCIDENT_STAGES)[number];
export const INCIDENT_STAGE_LABELS = {
  discovered: '发现',
  assessing: '研判',
  handling: '处置',
  responding: '回应',
  closed: '办结',
} as const satisfies Record<IncidentStage, string>;

/**
 * The state machine as data: every allowed move, with what it needs. Back moves (退回) exist
 * because a 研判 can send a case back for more facts and a draft response can be sent back.
 */
export const INCIDENT_TRANSITIONS = [
  { from: 'discovered', to: 'assessing', label: '开始研判', needs: [] },
  { from: 'assessing', to: 'handling', label: '研判完成，转处置', needs: [] },
  { from: 'assessing', to: 'closed', label: '研判后无需处置，办结', needs: ['summary'] },
  { from: 'assessing', to: 'discovered', label: '退回补充核实', needs: ['note'] },
  { from: 'handling', to: 'responding', label: '处置完成，准备回应', needs: [] },
  { from: 'handling', to: 'assessing', label: '退回重新研判', needs: ['note'] },
  { from: 'responding', to: 'closed', label: '已回应，办结', needs: ['response', 'summary'] },
  { from: 'responding', to: 'handling', label: '退回继续处置', needs: ['note'] },
] as const satisfies ReadonlyArray<{ from: IncidentStage; to: IncidentStage; label: string; needs: readonly string[] }>;
export type IncidentTransition = (typeof INCIDENT_TRANSITIONS)[number];

export const IncidentResponse = z.object({ text: z.string(), url: z.string().nullable(), at: z.string() });

export const IncidentStageRecord = z.object({
  stage: z.enum(INCIDENT_STAGES),
  ownerOrgId: z.uuid(),
  ownerOrgName: z.string(),
  deadline: z.string().nullable(),
  enteredAt: z.string(),
  leftAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
});

export const Incident = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  title: z.string(),
  grade: z.enum(GRADES),
  stage: z.enum(INCIDENT_STAGES),
  stageOwnerOrgId: z.uuid(),
  stageOwnerOrgName: z.string(),
  stageDeadline: z.string().nullable(),
  overdue: z.boolean(),
  escalatedAt: z.string().nullable(),
  mentionId: z.uuid().nullable(),
  clusterId: z.uuid().nullable(),
  topicId: z.uuid().nullable(),
  response: IncidentResponse.nullable(),
  summary: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string(),
  closedAt: z.string().nullable(),
  stages: z.array(IncidentStageRecord),
  /** The moves the current user may make from here. */
  transitions: z.array(z.object({ to: z.enum(INCIDENT_STAGES), label: z.string(), needs: z.array(z.string()) })),
});
export type Incident = z.infer<typeof Incident>;

export const INCIDENT_EVENT_KINDS = ['created', 'transition', 'grade', 'note', 'response', 'escalated', 'closed'] as const;
export const IncidentEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string(),
  kind: z.enum(INCIDENT_EVENT_KINDS),
  fromStage: z.enum(INCIDENT_STAGES).nullable(),
  toStage: z.enum(INCIDENT_STAGES).nullable(),
  note: z.string().nullable(),
  data: z.unknown(),
});
export type IncidentEvent = z.infer<typeof IncidentEvent>;
export const IncidentTimelineOutput = z.object({ items: z.array(IncidentEvent) });

const deadline = z.iso.datetime({ offset: true, message: '期限格式不正确' });
const note = z.string().trim().min(1).max(2000, '说明最多 2000 个字');

export const CreateIncidentInput = z
  .strictObject({
    orgId: z.uuid('负责单位无效'),
    mentionId: z.uuid().optional(),
    clusterId: z.uuid().optional(),
    title: z.string().trim().min(2, '事件标题至少 2 个字').max(200, '事件标题最多 200 个字').optional(),
    grade: z.enum(GRADES, '等级无效').default('general'),
    /** Owner of the first stage (发现); defaults to the incident's unit. */
    ownerOrgId: z.uuid().optional(),
    deadline: deadline.optional(),
    note: note.optional(),
  })
  .refine((v) => v.mentionId || v.clusterId || v.title, { message: '请指定来源舆情信息、相似簇或事件标题', path: ['mentionId'] });
export type CreateIncidentInput = z.infer<typeof CreateIncidentInput>;

export const TransitionIncidentInput = z.strictObject({
  /** The stage the user saw: if someone moved it meanwhile, the request is refused with 409. */
  from: z.enum(INCIDENT_STAGES),
  to: z.enum(INCIDENT_STAGES),
  note: note.optional(),
  /** Owner unit and deadline of the stage being entered. */
  ownerOrgId: z.uuid().optional(),
  deadline: deadline.optional(),
  response: z
    .strictObject({
      text: z.string().trim().min(1, '请填写回应内容').max(20_000),
      url: z.url('回应链接格式不正确').nullable().optional(),
    })
    .optional(),
  summary: z.string().trim().min(1, '请填写办结总结').max(20_000).optional(),
});
export type TransitionIncidentInput = z.infer<typeof TransitionIncidentInput>;

export const GradeIncidentInput = z.strictObject({ grade: z.enum(GRADES, '等级无效'), note: note.optional() });
export type GradeIncidentInput = z.infer<typeof GradeIncidentInput>;
export const IncidentNoteInput = z.strictObject({ note });

export const IncidentListQuery = z.strictObject({
  orgId: z.uuid().optional(),
  stage: z.enum(INCIDENT_STAGES).optional(),
  grade: z.enum(GRADES).optional(),
  open: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type IncidentListQuery = z.infer<typeof IncidentListQuery>;
export const IncidentListOutput = z.object({ items: z.array(Incident), total: z.number().int() });
export const IncidentIdParams = z.strictObject({ id: z.uuid('事件编号无效') });
