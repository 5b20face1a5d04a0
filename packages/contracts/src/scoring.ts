import { z } from 'zod';
import { GENRES, type Genre } from './manuscripts.ts';

/** 媒体级别. `own` is the office's own channels and journals (自有). */
export const OUTLET_LEVELS = ['central', 'province', 'city', 'county', 'own'] as const;
export type OutletLevel = (typeof OUTLET_LEVELS)[number];
export const OUTLET_LEVEL_LABELS = { central: '中央', province: '省级', city: '市级', county: '县级', own: '自有' } as const satisfies Record<OutletLevel, string>;
/** Highest first: the order highest-level-only and statistics use. */
export const OUTLET_LEVEL_RANK = { central: 5, province: 4, city: 3, county: 2, own: 1 } as const satisfies Record<OutletLevel, number>;

export const OUTLET_TYPES = ['newspaper', 'tv', 'radio', 'website', 'new_media'] as const;
export type OutletType = (typeof OUTLET_TYPES)[number];
export const OUTLET_TYPE_LABELS = { newspaper: '报纸', tv: '电视', radio: '广播', website: '网站', new_media: '新媒体' } as const satisfies Record<OutletType, string>;

/** 批示领导级别. */
export const LEADER_LEVELS = ['national', 'province', 'city', 'county'] as const;
export type LeaderLevel = (typeof LEADER_LEVELS)[number];
export const LEADER_LEVEL_LABELS = { national: '国家级', province: '省级', city: '市级', county: '县级' } as const satisfies Record<LeaderLevel, string>;

export const ADOPTION_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type AdoptionStatus = (typeof ADOPTION_STATUSES)[number];
export const ADOPTION_STATUS_LABELS = { pending: '待核实', verified: '已核实', rejected: '已驳回' } as const satisfies Record<AdoptionStatus, string>;

/** original: the outlet ran the piece; repost: another outlet reposted it (网络转载按来源只计一次). */
export const ADOPTION_KINDS = ['original', 'repost'] as const;
export type AdoptionKind = (typeof ADOPTION_KINDS)[number];
export const ADOPTION_KIND_LABELS = { original: '刊发', repost: '转载' } as const satisfies Record<AdoptionKind, string>;

const uuid = (what: string) => z.uuid(`${what}无效`);
const day = (what: string) => z.iso.date(`${what}格式应为 YYYY-MM-DD`);
const points = (what: string) => z.number(`${what}应为数字`).min(0, `${what}不能为负`).max(10_000, `${what}不能超过 10000`);
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '期间格式应为 YYYY-MM');

// ── Outlets ────────────────────────────────────────────────────────────────
export const Outlet = z.object({
  id: z.uuid(),
  name: z.string(),
  level: z.enum(OUTLET_LEVELS),
  type: z.enum(OUTLET_TYPES),
  region: z.string(),
  active: z.boolean(),
});
export type Outlet = z.infer<typeof Outlet>;
export const OutletListOutput = z.object({ items: z.array(Outlet), canManage: z.boolean() });
export type OutletListOutput = z.infer<typeof OutletListOutput>;
export const OutletListQuery = z.strictObject({
  level: z.enum(OUTLET_LEVELS, '媒体级别无效').optional(),
  q: z.string().trim().max(50).optional(),
});
export const CreateOutletInput = z.strictObject({
  name: z.string().trim().min(1, '请填写媒体名称').max(60, '媒体名称最多 60 个字'),
  level: z.enum(OUTLET_LEVELS, '请选择媒体级别'),
  type: z.enum(OUTLET_TYPES, '请选择媒体类型'),
  region: z.string().trim().max(30, '地区最多 30 个字').default(''),
});
export type CreateOutletInput = z.infer<typeof CreateOutletInput>;
export const UpdateOutletInput = CreateOutletInput.partial().extend({ active: z.boolean().optional() });
export type UpdateOutletInput = z.infer<typeof UpdateOutletInput>;

// ── Adoptions ──────────────────────────────────────────────────────────────
export const Adoption = z.object({
  id: z.uuid(),
  manuscriptId: z.uuid(),
  manuscriptTitle: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  outletId: z.uuid(),
  outletName: z.string(),
  outletLevel: z.enum(OUTLET_LEVELS),
  adoptedOn: z.string(),
  columnName: z.string(),
  page: z.string(),
  edition: z.string(),
  url: z.string(),
  frontPage: z.boolean(),
  length: z.number().int().nullable(),
  kind: z.enum(ADOPTION_KINDS),
  ghostwritten: z.boolean(),
  evidence: z.object({ sha256: z.string(), name: z.string(), mime: z.string() }).nullable(),
  /** Whether the page at `url` was saved as evidence when entered, or why not. */
  evidenceNote: z.string().nullable(),
  status: z.enum(ADOPTION_STATUSES),
  enteredByName: z.string(),
  verifiedByName: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  createdAt: z.string(),
  actions: z.object({ verify: z.boolean(), reject: z.boolean(), uploadEvidence: z.boolean() }),
});
export type Adoption = z.infer<typeof Adoption>;
export const AdoptionListQuery = z.strictObject({
  status: z.enum(ADOPTION_STATUSES, '状态无效').optional(),
  orgId: uuid('单位').optional(),
  manuscriptId: uuid('稿件').optional(),
  /** Only pending ones the actor may verify (entered by someone else). */
  toVerify: z.stringbool().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AdoptionListQuery = z.infer<typeof AdoptionListQuery>;
export const AdoptionListOutput = z.object({ items: z.array(Adoption), total: z.number().int() });
export type AdoptionListOutput = z.infer<typeof AdoptionListOutput>;
export const CreateAdoptionInput = z.strictObject({
  manuscriptId: uuid('稿件'),
  outletId: uuid('媒体'),
  adoptedOn: day('刊发日期'),
  columnName: z.string().trim().max(60, '栏目最多 60 个字').default(''),
  page: z.string().trim().max(20, '版次最多 20 个字').default(''),
  edition: z.string().trim().max(30, '期号最多 30 个字').default(''),
  url: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: '链接应以 http:// 或 https:// 开头' })]).default(''),
  frontPage: z.boolean().default(false),
  length: z.number().int().min(0, '字数不能为负').max(1_000_000).nullable().default(null),
  kind: z.enum(ADOPTION_KINDS, '用稿方式无效').default('original'),
  /** 挂名: a piece written by the outlet's reporter or paid placement carrying the unit's name — no points. */
  ghostwritten: z.boolean().default(false),
});
export type CreateAdoptionInput = z.infer<typeof CreateAdoptionInput>;
export const RejectAdoptionInput = z.strictObject({ reason: z.string().trim().min(1, '请填写驳回理由').max(200, '驳回理由最多 200 个字') });

// ── Endorsements ───────────────────────────────────────────────────────────
export const Endorsement = z.object({
  id: z.uuid(),
  manuscriptId: z.uuid(),
  manuscriptTitle: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  leaderLevel: z.enum(LEADER_LEVELS),
  leaderName: z.string(),
  endorsedOn: z.string(),
  text: z.string(),
  scan: z.object({ sha256: z.string(), name: z.string() }).nullable(),
  enteredByName: z.string(),
  createdAt: z.string(),
});
export type Endorsement = z.infer<typeof Endorsement>;
export const EndorsementListQuery = z.strictObject({ orgId: uuid('单位').optional(), manuscriptId: uuid('稿件').optional() });
export const EndorsementListOutput = z.object({ items: z.array(Endorsement) });
export type EndorsementListOutput = z.infer<typeof EndorsementListOutput>;
export const CreateEndorsementInput = z.strictObject({
  manuscriptId: uuid('稿件'),
  leaderLevel: z.enum(LEADER_LEVELS, '请选择领导级别'),
  leaderName: z.string().trim().min(1, '请填写批示领导').max(40, '批示领导最多 40 个字'),
  endorsedOn: day('批示日期'),
  text: z.string().trim().max(2000, '批示内容最多 2000 个字').default(''),
});
export type CreateEndorsementInput = z.infer<typeof CreateEndorsementInput>;

// ── Scoring rules ──────────────────────────────────────────────────────────
const genrePoints = z.strictObject(Object.fromEntries(GENRES.map((g) => [g, points('分值')])) as Record<Genre, ReturnType<typeof points>>);
export const ScoringRules = z.strictObject({
  /** 分值: outlet level × genre. */
  levelGenrePoints: z.strictObject(Object.fromEntries(OUTLET_LEVELS.map((l) => [l, genrePoints])) as Record<OutletLevel, typeof genrePoints>),
  /** 头版头条加倍. */
  frontPageMultiplier: z.number('头版倍数应为数字').min(1, '头版倍数不能小于 1').max(10, '头版倍数不能超过 10'),
  /** 领导批示加分, by the leader's level. */
  endorsementPoints: z.strictObject(Object.fromEntries(LEADER_LEVELS.map((l) => [l, points('批示分值')])) as Record<LeaderLevel, ReturnType<typeof points>>),
  /** 同一稿件多家媒体采用按最高级别计一次. */
  highestLevelOnly: z.boolean(),
  /** 约稿未报 (per missed commission), deducted from the unit. */
  commissionMissedPenalty: points('约稿未报扣分'),
  /** 每月最低报送指标每少 1 篇扣分. */
  monthlyMinimumPenalty: points('少报扣分'),
});
export type ScoringRules = z.infer<typeof ScoringRules>;

/**
 * Defaults from the real rules collected in shared/reference/domain.md §c: central 20 (P2 中办/国办,
 * P9 中央主要媒体), province 10 (P1 大众日报, P9), city 5 (P9 市级单独用稿; P1 理论调研市级 7,
 * 电视市级 10), county 2 (P10/P13 scale), own journals 3 (P1 市住建委刊物 3) and own websites 2
 * (P1 政府网站 2); photos score half (P3 图片 0.5 vs 文字 1). 头版头条加倍 (P1, P8). 批示:
 * 国务院 20 / 省 10 / 市 5 (P3), 县 3 (our inference, below the city). Highest-level-only (P8, P10,
 * P18). 约稿未报 −10 (P3). 每少投 1 篇 −2 (P11).
 */
export const DEFAULT_SCORING_RULES: ScoringRules = {
  levelGenrePoints: {
    central: { work_info: 20, news: 20, feature: 20, commentary: 10, photo_news: 10, video: 20 },
    province: { work_info: 10, news: 10, feature: 10, commentary: 10, photo_news: 5, video: 10 },
    city: { work_info: 5, news: 5, feature: 5, commentary: 7, photo_news: 3, video: 10 },
    county: { work_info: 2, news: 2, feature: 3, commentary: 5, photo_news: 1, video: 7 },
    own: { work_info: 3, news: 2, feature: 2, commentary: 2, photo_news: 1, video: 2 },
  },
  frontPageMultiplier: 2,
  endorsementPoints: { national: 20, province: 10, city: 5, county: 3 },
  highestLevelOnly: true,
  commissionMissedPenalty: 10,
  monthlyMinimumPenalty: 2,
};

export const ScoringRuleVersion = z.object({
  id: z.uuid(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  note: z.string(),
  rules: ScoringRules,
  createdByName: z.string(),
  createdAt: z.string(),
});
export type ScoringRuleVersion = z.infer<typeof ScoringRuleVersion>;
export const ScoringRuleListOutput = z.object({ items: z.array(ScoringRuleVersion), canManage: z.boolean(), defaults: ScoringRules });
export type ScoringRuleListOutput = z.infer<typeof ScoringRuleListOutput>;
export const CreateScoringRuleInput = z.strictObject({
  effectiveFrom: day('生效日期'),
  note: z.string().trim().max(200, '说明最多 200 个字').default(''),
  rules: ScoringRules,
});
export type CreateScoringRuleInput = z.infer<typeof CreateScoringRuleInput>;

// ── Score ledger ───────────────────────────────────────────────────────────
export const SCORE_SOURCE_TYPES = ['adoption', 'endorsement', 'commission', 'quota', 'journal'] as const;
export type ScoreSourceType = (typeof SCORE_SOURCE_TYPES)[number];
export const SCORE_SOURCE_LABELS = { adoption: '用稿', endorsement: '领导批示', commission: '约稿', quota: '报送指标', journal: '刊物采用' } as const satisfies Record<ScoreSourceType, string>;

export const ScoreLine = z.object({
  id: z.uuid(),
  period: z.string(),
  subjectType: z.enum(['org', 'user']),
  orgId: z.uuid(),
  orgName: z.string(),
  userId: z.uuid().nullable(),
  userName: z.string().nullable(),
  points: z.number(),
  ruleVersion: z.number().int(),
  ruleRef: z.string(),
  explanation: z.string(),
  sourceType: z.enum(SCORE_SOURCE_TYPES),
  sourceId: z.string(),
  manuscriptId: z.uuid().nullable(),
  manuscriptTitle: z.string().nullable(),
});
export type ScoreLine = z.infer<typeof ScoreLine>;
export const ExplainQuery = z.strictObject({
  /** A unit's account; without it and without userId: the actor's own person account. */
  orgId: uuid('单位').optional(),
  userId: uuid('人员').optional(),
  from: period.optional(),
  to: period.optional(),
});
export type ExplainQuery = z.infer<typeof ExplainQuery>;
export const ExplainOutput = z.object({
  subjectType: z.enum(['org', 'user']),
  subjectName: z.string(),
  total: z.number(),
  lines: z.array(ScoreLine),
});
export type ExplainOutput = z.infer<typeof ExplainOutput>;

export const ScorePeriod = z.object({ period: z.string(), closed: z.boolean(), closedAt: z.string().nullable(), closedByName: z.string().nullable() });
export type ScorePeriod = z.infer<typeof ScorePeriod>;
export const ScorePeriodListOutput = z.object({ items: z.array(ScorePeriod) });
export type ScorePeriodListOutput = z.infer<typeof ScorePeriodListOutput>;
export const PeriodParams = z.strictObject({ period });
export const RecomputeOutput = z.object({ periods: z.array(z.string()), lines: z.number().int() });
export type RecomputeOutput = z.infer<typeof RecomputeOutput>;

// ── Quotas (任务分解表) ─────────────────────────────────────────────────────
export const QuotaValues = z.strictObject({
  monthlySubmissions: z.number('每月报送应为整数').int('每月报送应为整数').min(0, '每月报送不能为负').max(1000, '每月报送不能超过 1000'),
  adoptionsCentral: z.number().int('中央级用稿应为整数').min(0, '中央级用稿不能为负').max(100_000),
  adoptionsProvince: z.number().int('省级用稿应为整数').min(0, '省级用稿不能为负').max(100_000),
  adoptionsCity: z.number().int('市级用稿应为整数').min(0, '市级用稿不能为负').max(100_000),
  adoptionsCounty: z.number().int('县级用稿应为整数').min(0, '县级用稿不能为负').max(100_000),
  points: z.number('积分目标应为数字').min(0, '积分目标不能为负').max(1_000_000),
});
export type QuotaValues = z.infer<typeof QuotaValues>;
export const QuotaRow = QuotaValues.extend({ orgId: uuid('单位'), userId: uuid('人员').nullable().default(null) });
export type QuotaRow = z.infer<typeof QuotaRow>;
export const SaveQuotasInput = z.strictObject({ year: z.number().int().min(2000, '年份无效').max(2100, '年份无效'), rows: z.array(QuotaRow).min(1, '至少一行').max(5000, '一次最多 5000 行') });
export type SaveQuotasInput = z.infer<typeof SaveQuotasInput>;
export const QuotaQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100), orgId: uuid('单位').optional() });
export type QuotaQuery = z.infer<typeof QuotaQuery>;
export const QuotaProgressItem = z.object({
  target: z.number(),
  actual: z.number(),
  /** target × the elapsed share of the year. */
  expected: z.number(),
  /** actual extrapolated to the year's end at the current pace. */
  forecast: z.number(),
  behind: z.boolean(),
});
export const QUOTA_MEASURES = ['submissions', 'adoptionsCentral', 'adoptionsProvince', 'adoptionsCity', 'adoptionsCounty', 'points'] as const;
export type QuotaMeasure = (typeof QUOTA_MEASURES)[number];
export const QUOTA_MEASURE_LABELS = {
  submissions: '报送',
  adoptionsCentral: '中央级用稿',
  adoptionsProvince: '省级用稿',
  adoptionsCity: '市级用稿',
  adoptionsCounty: '县级用稿',
  points: '积分',
} as const satisfies Record<QuotaMeasure, string>;
export const QuotaGridRow = z.object({
  orgId: z.uuid(),
  orgName: z.string(),
  userId: z.uuid().nullable(),
  userName: z.string().nullable(),
  values: QuotaValues.nullable(),
  progress: z.record(z.enum(QUOTA_MEASURES), QuotaProgressItem).nullable(),
  behind: z.boolean(),
});
export type QuotaGridRow = z.infer<typeof QuotaGridRow>;
export const QuotaGridOutput = z.object({ year: z.number().int(), asOf: z.string(), elapsed: z.number(), rows: z.array(QuotaGridRow), canManage: z.boolean() });
export type QuotaGridOutput = z.infer<typeof QuotaGridOutput>;
export const QuotaImportResult = z.object({ ok: z.boolean(), saved: z.number().int(), errors: z.array(z.object({ row: z.number().int(), message: z.string() })) });
export type QuotaImportResult = z.infer<typeof QuotaImportResult>;

// ── Statistics ─────────────────────────────────────────────────────────────
export const STAT_GRAINS = ['month', 'quarter', 'year'] as const;
export type StatGrain = (typeof STAT_GRAINS)[number];
export const StatisticsQuery = z.strictObject({
  grain: z.enum(STAT_GRAINS, '统计周期无效').default('month'),
  /** 2026-03, 2026-Q1 or 2026. */
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/, '期间格式应为 2026、2026-Q1 或 2026-03'),
  by: z.enum(['org', 'user'], '统计对象无效').default('org'),
  orgId: uuid('单位').optional(),
});
export type StatisticsQuery = z.infer<typeof StatisticsQuery>;
export const StatisticsRow = z.object({
  orgId: z.uuid(),
  orgName: z.string(),
  userId: z.uuid().nullable(),
  userName: z.string().nullable(),
  submitted: z.number().int(),
  approved: z.number().int(),
  released: z.number().int(),
  adopted: z.record(z.enum(OUTLET_LEVELS), z.number().int()),
  adoptedTotal: z.number().int(),
  endorsements: z.number().int(),
  points: z.number(),
  rank: z.number().int(),
});
export type StatisticsRow = z.infer<typeof StatisticsRow>;
export const StatisticsOutput = z.object({ grain: z.enum(STAT_GRAINS), period: z.string(), from: z.string(), to: z.string(), by: z.enum(['org', 'user']), rows: z.array(StatisticsRow) });
export type StatisticsOutput = z.infer<typeof StatisticsOutput>;
export const TrendQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100), orgId: uuid('单位').optional() });
export const TrendOutput = z.object({
  months: z.array(z.string()),
  submitted: z.array(z.number().int()),
  adopted: z.array(z.number().int()),
  points: z.array(z.number()),
});
export type TrendOutput = z.infer<typeof TrendOutput>;
