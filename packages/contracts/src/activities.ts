import { z } from 'zod';

/**
 * What an activity counts towards. Types live in an editable dictionary; each names one category,
 * and targets count categories, so a renamed or added type keeps feeding the right target.
 * `other` counts towards nothing (e.g. a 支部学习 that is not the 中心组).
 */
export const ACTIVITY_CATEGORIES = ['study', 'seminar', 'lecture', 'training', 'meeting', 'volunteer', 'culture', 'board', 'other'] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];
export const ACTIVITY_CATEGORY_LABELS = {
  study: '中心组学习',
  seminar: '专题研讨',
  lecture: '宣讲',
  training: '培训',
  meeting: '例会',
  volunteer: '志愿服务/文明实践',
  culture: '文化活动',
  board: '宣传栏/黑板报更新',
  other: '其他（不计入指标）',
} as const satisfies Record<ActivityCategory, string>;

/** The dictionary a new database starts with: one type per category, named as the seeds name them. */
export const DEFAULT_ACTIVITY_TYPES: ReadonlyArray<{ code: string; name: string; category: ActivityCategory }> = [
  { code: 'study', name: '中心组学习', category: 'study' },
  { code: 'seminar', name: '专题研讨', category: 'seminar' },
  { code: 'lecture', name: '宣讲', category: 'lecture' },
  { code: 'training', name: '培训', category: 'training' },
  { code: 'meeting', name: '例会', category: 'meeting' },
  { code: 'volunteer', name: '志愿服务/文明实践', category: 'volunteer' },
  { code: 'culture', name: '文化活动', category: 'culture' },
  { code: 'board', name: '宣传栏/黑板报更新', category: 'board' },
  // What seed 001's 年度工作汇报 counts besides the targets: recorded in the ledger, reported in the
  // annual summary, not counted towards any target.
  { code: 'party_group_meeting', name: '党组会议', category: 'other' },
  { code: 'weekly_study', name: '每周一学', category: 'other' },
  { code: 'field_teaching', name: '现场教学', category: 'other' },
  { code: 'party_lecture', name: '专题党课', category: 'other' },
  { code: 'press_conference', name: '新闻发布会', category: 'other' },
  { code: 'feature_film', name: '专题片', category: 'other' },
  { code: 'symposium', name: '座谈会', category: 'other' },
  { code: 'forum', name: '研讨会/论坛', category: 'other' },
];

/** 宣讲进机关、进企业、进社区、进校园、进农村 (seeds 000, 002), plus anything else. */
export const VENUE_TYPES = ['organ', 'enterprise', 'community', 'campus', 'rural', 'other'] as const;
export type VenueType = (typeof VENUE_TYPES)[number];
export const VENUE_TYPE_LABELS = {
  organ: '机关',
  enterprise: '企业',
  community: '社区',
  campus: '校园',
  rural: '农村',
  other: '其他',
} as const satisfies Record<VenueType, string>;
/** The five a lecture programme must reach; 其他 does not count towards coverage. */
export const COVERAGE_VENUES = ['organ', 'enterprise', 'community', 'campus', 'rural'] as const satisfies readonly VenueType[];

export const ATTENDANCE_STATUSES = ['present', 'absent', 'makeup'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_STATUS_LABELS = { present: '出席', absent: '缺席', makeup: '已补学' } as const satisfies Record<AttendanceStatus, string>;

export const ActivityType = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  name: z.string(),
  category: z.enum(ACTIVITY_CATEGORIES),
  sortOrder: z.number().int(),
  active: z.boolean(),
});
export type ActivityType = z.infer<typeof ActivityType>;
export const ActivityTypeListOutput = z.object({ items: z.array(ActivityType) });

const typeName = z.string().trim().min(2, '类型名称至少 2 个字').max(20, '类型名称最多 20 个字');
export const CreateActivityTypeInput = z.strictObject({
  name: typeName,
  category: z.enum(ACTIVITY_CATEGORIES, '请选择计入的指标类别'),
  sortOrder: z.number().int().min(0).max(10000).optional(),
});
export type CreateActivityTypeInput = z.infer<typeof CreateActivityTypeInput>;
export const UpdateActivityTypeInput = z.strictObject({
  name: typeName.optional(),
  category: z.enum(ACTIVITY_CATEGORIES, '请选择计入的指标类别').optional(),
  sortOrder: z.number().int().min(0).max(10000).optional(),
  active: z.boolean().optional(),
});
export type UpdateActivityTypeInput = z.infer<typeof UpdateActivityTypeInput>;

/** A calendar date as the API carries it: YYYY-MM-DD (no time zone games). */
export const IsoDate = z.iso.date('日期格式应为 YYYY-MM-DD');

export const AttendeeInput = z.strictObject({
  userId: z.uuid('参加人员无效'),
  status: z.enum(ATTENDANCE_STATUSES, '出勤状态无效'),
  absenceReason: z.string().trim().max(100, '缺席原因最多 100 个字').nullable().optional(),
  makeupOn: IsoDate.nullable().optional(),
  score: z.number().min(0, '成绩不能为负').max(1000).nullable().optional(),
});
export type AttendeeInput = z.infer<typeof AttendeeInput>;

export const EVIDENCE_KINDS = ['photo', 'file'] as const;
export const EvidenceRef = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '附件无效'),
  name: z.string().trim().min(1).max(200),
  caption: z.string().trim().max(200, '图片说明最多 200 个字').nullable().optional(),
});
export type EvidenceRef = z.infer<typeof EvidenceRef>;
export const EvidenceFile = z.object({
  sha256: z.string(),
  name: z.string(),
  caption: z.string().nullable(),
  mime: z.string(),
  size: z.number().int(),
  kind: z.enum(EVIDENCE_KINDS),
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;
/** What POST /api/evidence answers: the stored blob, ready to attach by sha256. */
export const StoredEvidence = z.object({ sha256: z.string(), name: z.string(), mime: z.string(), size: z.number().int() });
export type StoredEvidence = z.infer<typeof StoredEvidence>;

const activityFields = {
  orgId: z.uuid('请选择单位'),
  typeId: z.uuid('请选择活动类型'),
  heldOn: IsoDate,
  place: z.string().trim().max(100, '地点最多 100 个字').default(''),
  venueType: z.enum(VENUE_TYPES, '请选择场所类型'),
  topic: z.string().trim().min(2, '主题至少 2 个字').max(200, '主题最多 200 个字'),
  speaker: z.string().trim().max(100, '主讲人最多 100 个字').default(''),
  outsideCount: z.number().int().min(0, '人数不能为负').max(1_000_000).default(0),
  minutes: z.string().max(20_000, '纪要最多 20000 字').default(''),
  examPassMark: z.number().min(0).max(1000).nullable().default(null),
  attendees: z.array(AttendeeInput).max(500).default([]),
  files: z.array(EvidenceRef).max(30, '附件最多 30 个').default([]),
};
export const CreateActivityInput = z.strictObject(activityFields);
export type CreateActivityInput = z.infer<typeof CreateActivityInput>;
export const UpdateActivityInput = z.strictObject({
  version: z.number().int().min(1),
  typeId: activityFields.typeId.optional(),
  heldOn: IsoDate.optional(),
  place: z.string().trim().max(100).optional(),
  venueType: z.enum(VENUE_TYPES).optional(),
  topic: z.string().trim().min(2, '主题至少 2 个字').max(200).optional(),
  speaker: z.string().trim().max(100).optional(),
  outsideCount: z.number().int().min(0).max(1_000_000).optional(),
  minutes: z.string().max(20_000).optional(),
  examPassMark: z.number().min(0).max(1000).nullable().optional(),
  attendees: z.array(AttendeeInput).max(500).optional(),
  files: z.array(EvidenceRef).max(30).optional(),
});
export type UpdateActivityInput = z.infer<typeof UpdateActivityInput>;

export const Attendee = z.object({
  userId: z.uuid(),
  name: z.string(),
  title: z.string().nullable(),
  status: z.enum(ATTENDANCE_STATUSES),
  absenceReason: z.string().nullable(),
  makeupOn: z.string().nullable(),
  score: z.number().nullable(),
});
export type Attendee = z.infer<typeof Attendee>;

export const ActivityStats = z.object({
  roster: z.number().int(),
  present: z.number().int(),
  absent: z.number().int(),
  madeUp: z.number().int(),
  /** (present + made up) / roster, 0–100; null without a roster. */
  attendanceRate: z.number().nullable(),
  /** Attendees plus outside head count: the 受众 of a lecture. */
  reach: z.number().int(),
  examined: z.number().int(),
  passed: z.number().int(),
  passRate: z.number().nullable(),
});
export type ActivityStats = z.infer<typeof ActivityStats>;

export const Activity = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  typeId: z.uuid(),
  typeName: z.string(),
  category: z.enum(ACTIVITY_CATEGORIES),
  heldOn: z.string(),
  place: z.string(),
  venueType: z.enum(VENUE_TYPES),
  topic: z.string(),
  speaker: z.string(),
  outsideCount: z.number().int(),
  minutes: z.string(),
  examPassMark: z.number().nullable(),
  attendees: z.array(Attendee),
  files: z.array(EvidenceFile),
  stats: ActivityStats,
  version: z.number().int(),
  createdByName: z.string(),
  createdAt: z.string(),
  canEdit: z.boolean(),
});
export type Activity = z.infer<typeof Activity>;

export const ActivitySummary = Activity.omit({ attendees: true, minutes: true, files: true }).extend({ fileCount: z.number().int() });
export type ActivitySummary = z.infer<typeof ActivitySummary>;

export const ActivityListQuery = z.strictObject({
  orgId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  category: z.enum(ACTIVITY_CATEGORIES).optional(),
  typeId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;
export const ActivityListOutput = z.object({ items: z.array(ActivitySummary), total: z.number().int() });
export const ActivityIdParams = z.strictObject({ id: z.uuid('活动编号无效') });
export const ActivityFileParams = z.strictObject({ id: z.uuid('活动编号无效'), sha256: z.string().regex(/^[0-9a-f]{64}$/, '附件无效') });

/** People of a unit an activity can list as attendees (a reporter may not read the user admin list). */
export const RosterQuery = z.strictObject({ orgId: z.uuid('请选择单位') });
export const RosterOutput = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), title: z.string().nullable(), orgName: z.string() })),
});
export type RosterOutput = z.infer<typeof RosterOutput>;

export const OrgYearQuery = z.strictObject({
  orgId: z.uuid('请选择单位'),
  year: z.coerce.number().int().min(2000, '年份无效').max(2100, '年份无效'),
});
export type OrgYearQuery = z.infer<typeof OrgYearQuery>;
