import { z } from 'zod';

// ── Assessment (考核): the year-end unit scorecard ─────────────────────────────
export const ASSESSMENT_PARTS = ['points', 'quota', 'targets', 'tasks'] as const;
export type AssessmentPart = (typeof ASSESSMENT_PARTS)[number];
export const ASSESSMENT_PART_LABELS = { points: '信息积分', quota: '任务指标完成', targets: '台账指标完成', tasks: '工作任务完成' } as const satisfies Record<AssessmentPart, string>;
/** How each part becomes 0–100; shown in the response and on the page. */
export const ASSESSMENT_FORMULAS = {
  points: '本单位年度积分 ÷ 参评单位中最高积分 × 100（最高者为 100）',
  quota: '任务分解表各项（报送、各级用稿、积分）完成率 min(实际 ÷ 年度目标, 1) 的平均 × 100；未下达指标的单位不计此项',
  targets: '台账指标中达标（绿灯）项数 ÷ 启用的指标项数 × 100；无启用指标不计此项',
  tasks: '(按时完成 + 0.5 × 逾期完成) ÷ (已完成 + 已逾期未完成) × 100；无到期任务不计此项',
  total: '总分 = Σ(权重 × 分项得分) ÷ Σ(计入分项的权重)；不计的分项不参与加权',
} as const;

const weight = (what: string) => z.number(`${what}权重应为数字`).int(`${what}权重应为整数`).min(0, `${what}权重不能为负`).max(100, `${what}权重不能超过 100`);

export const AssessmentWeights = z.strictObject({
  points: weight('信息积分'),
  quota: weight('任务指标'),
  targets: weight('台账指标'),
  tasks: weight('工作任务'),
  /** 表扬: the first N by rank… */
  praiseTop: z.number().int('表扬名额应为整数').min(0, '表扬名额不能为负').max(1000),
  /** …or every unit at or above this total (0: off). */
  praiseThreshold: z.number('表扬分数线应为数字').min(0, '表扬分数线不能为负').max(100, '表扬分数线不能超过 100'),
  /** 通报批评: the last N by rank (units with nothing reported are always listed). */
  criticiseBottom: z.number().int('通报批评名额应为整数').min(0, '通报批评名额不能为负').max(1000),
});
export type AssessmentWeights = z.infer<typeof AssessmentWeights>;
export const DEFAULT_ASSESSMENT_WEIGHTS: AssessmentWeights = { points: 40, quota: 30, targets: 15, tasks: 15, praiseTop: 3, praiseThreshold: 0, criticiseBottom: 1 };

export const AssessmentQuery = z.strictObject({
  year: z.coerce.number('年度无效').int('年度无效').min(2000, '年度无效').max(2100, '年度无效'),
  /** The office whose units are assessed; default the actor's own grant org. */
  orgId: z.uuid('单位无效').optional(),
});
export type AssessmentQuery = z.infer<typeof AssessmentQuery>;

export const SaveAssessmentWeightsInput = z.strictObject({
  year: z.number().int('年度无效').min(2000, '年度无效').max(2100, '年度无效'),
  orgId: z.uuid('单位无效'),
  weights: AssessmentWeights,
});
export type SaveAssessmentWeightsInput = z.infer<typeof SaveAssessmentWeightsInput>;

const partScore = z.object({ score: z.number().nullable(), detail: z.string() });
export const AssessmentRow = z.object({
  orgId: z.uuid(),
  orgName: z.string(),
  parts: z.object({ points: partScore, quota: partScore, targets: partScore, tasks: partScore }),
  total: z.number(),
  rank: z.number().int(),
  submitted: z.number().int(),
  praised: z.boolean(),
  criticised: z.boolean(),
  criticisedWhy: z.string().nullable(),
});
export type AssessmentRow = z.infer<typeof AssessmentRow>;

export const ASSESSMENT_BASIS_LABELS = {
  quotas: '考核对象为本年度任务分解表所列单位',
  subtree: '本年度尚未下达任务分解表，暂按全部下级单位考核',
} as const;

export const AssessmentOutput = z.object({
  year: z.number().int(),
  orgId: z.uuid(),
  orgName: z.string(),
  asOf: z.string(),
  weights: AssessmentWeights,
  weightsSaved: z.boolean(),
  /** Who is assessed: the units of the year's 任务分解表, or (before it exists) every unit under the office. */
  basis: z.enum(['quotas', 'subtree']),
  formulas: z.record(z.string(), z.string()),
  rows: z.array(AssessmentRow),
  praised: z.array(z.string()),
  criticised: z.array(z.string()),
  canManage: z.boolean(),
});
export type AssessmentOutput = z.infer<typeof AssessmentOutput>;
