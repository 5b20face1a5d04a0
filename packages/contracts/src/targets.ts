import { z } from 'zod';
import { VENUE_TYPES } from './activities.ts';
import type { OrgKind } from './orgs.ts';

/**
 * The ledger targets the seeds set (000, 002, 003): counted from recorded activities, never
 * entered a second time. `per` says the period a threshold applies to.
 */
export const TARGET_KINDS = ['study_sessions', 'seminars_quarterly', 'lecture_venues', 'trainings', 'attendance_rate', 'board_updates'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const TARGET_META = {
  study_sessions: { label: '中心组学习', unit: '次/年', per: 'year', what: '全年集中学习不少于 N 次' },
  seminars_quarterly: { label: '专题研讨', unit: '次/季度', per: 'quarter', what: '每季度研讨不少于 N 次' },
  lecture_venues: { label: '宣讲覆盖', unit: '类场所', per: 'year', what: '宣讲进机关、企业、社区、校园、农村' },
  trainings: { label: '培训', unit: '次/年', per: 'year', what: '全年组织培训不少于 N 次' },
  attendance_rate: { label: '中心组参学率', unit: '%', per: 'year', what: '中心组学习参学率不低于 N%' },
  board_updates: { label: '宣传栏/黑板报更新', unit: '次/年', per: 'year', what: '全年更新不少于 N 次' },
} as const satisfies Record<TargetKind, { label: string; unit: string; per: 'year' | 'quarter'; what: string }>;

/**
 * Defaults by kind of unit, from the seeds: 中心组学习 ≥ 12, 研讨 ≥ 1 a quarter (002 篇1),
 * 宣讲 reaching all five venue types (000, 002 篇2), ≥ 2 trainings (002 篇4 通讯员培训),
 * 参学率 ≥ 80 %, 宣传栏 ≥ 4 a year for an office and ≥ 8 for a school (002 篇4).
 * 科室 and media have none of their own: they work inside their parent unit's ledger.
 */
const OFFICE: Partial<Record<TargetKind, number>> = {
  study_sessions: 12,
  seminars_quarterly: 1,
  lecture_venues: 5,
  trainings: 2,
  attendance_rate: 80,
  board_updates: 4,
};
export const DEFAULT_TARGETS: Record<OrgKind, Partial<Record<TargetKind, number>>> = {
  party: OFFICE,
  congress: OFFICE,
  government: OFFICE,
  street: OFFICE,
  community: { study_sessions: 12, attendance_rate: 80, lecture_venues: 5, board_updates: 4 },
  school: { study_sessions: 12, seminars_quarterly: 1, trainings: 2, attendance_rate: 80, board_updates: 8 },
  enterprise: { study_sessions: 12, trainings: 2, attendance_rate: 80, board_updates: 4 },
  section: {},
  media: {},
};

/** green: met or on pace; yellow: behind the pro-rata expectation to date; red: far behind or the period ended short; none: nothing to judge. */
export const LIGHTS = ['green', 'yellow', 'red', 'none'] as const;
export type Light = (typeof LIGHTS)[number];
export const LIGHT_LABELS = { green: '达标/进度正常', yellow: '落后于序时进度', red: '严重滞后/未完成', none: '暂无数据' } as const satisfies Record<Light, string>;

export const TargetStatus = z.object({
  kind: z.enum(TARGET_KINDS),
  label: z.string(),
  unit: z.string(),
  threshold: z.number(),
  source: z.enum(['default', 'set']),
  enabled: z.boolean(),
  actual: z.number(),
  /** What the pro-rata pace asks for by `asOf` (the threshold itself for rates). */
  expectedToDate: z.number(),
  light: z.enum(LIGHTS),
  detail: z.string(),
});
export type TargetStatus = z.infer<typeof TargetStatus>;

export const TargetsOutput = z.object({
  orgId: z.uuid(),
  orgName: z.string(),
  year: z.number().int(),
  asOf: z.string(),
  items: z.array(TargetStatus),
  canEdit: z.boolean(),
});
export type TargetsOutput = z.infer<typeof TargetsOutput>;

export const SetTargetInput = z.strictObject({
  orgId: z.uuid('请选择单位'),
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(TARGET_KINDS, '指标类型无效'),
  threshold: z.number().min(0, '指标值不能为负').max(100_000),
  enabled: z.boolean().default(true),
});
export type SetTargetInput = z.infer<typeof SetTargetInput>;

/** A light per unit, for the 指标完成 overview of a subtree. */
export const TargetBoardQuery = z.strictObject({
  orgId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100),
});
export const TargetBoardOutput = z.object({
  year: z.number().int(),
  asOf: z.string(),
  rows: z.array(
    z.object({
      orgId: z.uuid(),
      orgName: z.string(),
      items: z.array(TargetStatus.pick({ kind: true, light: true, actual: true, threshold: true, enabled: true })),
    }),
  ),
});
export type TargetBoardOutput = z.infer<typeof TargetBoardOutput>;

export const CoverageQuery = TargetBoardQuery;
export const CoverageOutput = z.object({
  year: z.number().int(),
  venueTypes: z.array(z.enum(VENUE_TYPES)),
  rows: z.array(
    z.object({
      orgId: z.uuid(),
      orgName: z.string(),
      /** Lectures per venue type, in `venueTypes` order. */
      counts: z.array(z.number().int()),
      /** Attendees plus outside head count per venue type. */
      reach: z.array(z.number().int()),
      covered: z.number().int(),
    }),
  ),
});
export type CoverageOutput = z.infer<typeof CoverageOutput>;
