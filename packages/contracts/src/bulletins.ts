import { z } from 'zod';
import { STAT_GRAINS, StatisticsRow } from './scoring.ts';

const id = (what: string) => z.uuid(`${what}无效`);

/** 通报: draft → appeal (征求意见, units may object) → final (定稿, an immutable snapshot). */
export const BULLETIN_STATUSES = ['draft', 'appeal', 'final'] as const;
export type BulletinStatus = (typeof BULLETIN_STATUSES)[number];
export const BULLETIN_STATUS_LABELS = { draft: '草稿', appeal: '征求意见', final: '已定稿' } as const satisfies Record<BulletinStatus, string>;

/** The editable narrative: each part is one or more paragraphs separated by blank lines. */
export const BulletinText = z.object({
  addressee: z.string().max(100, '主送机关不超过100字'),
  opening: z.string().max(2000, '开头不超过2000字'),
  overview: z.string().max(4000, '总体情况不超过4000字'),
  commended: z.string().max(4000, '表扬部分不超过4000字'),
  criticised: z.string().max(4000, '通报批评部分不超过4000字'),
  closing: z.string().max(4000, '结尾不超过4000字'),
});
export type BulletinText = z.infer<typeof BulletinText>;

export const BulletinTotals = z.object({
  units: z.number().int(),
  submitted: z.number().int(),
  approved: z.number().int(),
  released: z.number().int(),
  adoptedTotal: z.number().int(),
  endorsements: z.number().int(),
  points: z.number(),
});
export type BulletinTotals = z.infer<typeof BulletinTotals>;

/** The numbers as the statistics module gave them when the draft was (re)generated. */
export const BulletinNumbers = z.object({
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  rows: z.array(StatisticsRow),
  totals: BulletinTotals,
  commended: z.array(z.string()),
  criticised: z.array(z.string()),
});
export type BulletinNumbers = z.infer<typeof BulletinNumbers>;

export const BulletinAppeal = z.object({
  id: z.uuid(),
  bulletinId: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  reason: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  answer: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export type BulletinAppeal = z.infer<typeof BulletinAppeal>;

export const BulletinSummary = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  grain: z.enum(STAT_GRAINS),
  period: z.string(),
  periodLabel: z.string(),
  title: z.string(),
  status: z.enum(BULLETIN_STATUSES),
  commendTop: z.number().int(),
  appealDays: z.number().int(),
  appealUntil: z.string().nullable(),
  appealOpen: z.boolean(),
  appealCount: z.number().int(),
  unansweredCount: z.number().int(),
  signer: z.string(),
  issuedOn: z.string(),
  /** 发文字号, given at 定稿 from the office's register; null before. */
  documentNumber: z.string().nullable(),
  version: z.number().int(),
  createdByName: z.string(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  finalizedAt: z.string().nullable(),
  finalizedByName: z.string().nullable(),
});
export type BulletinSummary = z.infer<typeof BulletinSummary>;

export const Bulletin = BulletinSummary.extend({
  text: BulletinText,
  /** For a final bulletin: the snapshot's numbers, never recomputed. */
  numbers: BulletinNumbers,
  appeals: z.array(BulletinAppeal),
});
export type Bulletin = z.infer<typeof Bulletin>;

export const BulletinListQuery = z.strictObject({
  orgId: id('单位').optional(),
  status: z.enum(BULLETIN_STATUSES, '状态无效').optional(),
});
export const BulletinListOutput = z.object({ items: z.array(BulletinSummary) });
export const BulletinIdParams = z.strictObject({ id: id('通报') });
export const BulletinAppealParams = z.strictObject({ id: id('通报'), appealId: id('异议') });

export const CreateBulletinInput = z.strictObject({
  orgId: id('单位'),
  grain: z.enum(STAT_GRAINS, '统计周期无效'),
  /** 2026-03, 2026-Q3 or 2026. */
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/, '期间格式应为 2026、2026-Q1 或 2026-03'),
  commendTop: z.number().int().min(0, '表扬单位数不能为负').max(50, '表扬单位数不超过50').default(3),
  appealDays: z.number().int().min(1, '征求意见期至少1天').max(30, '征求意见期不超过30天').default(3),
});
export type CreateBulletinInput = z.infer<typeof CreateBulletinInput>;

export const UpdateBulletinInput = z.strictObject({
  version: z.number().int().min(1),
  title: z.string().trim().min(1, '标题不能为空').max(100, '标题不超过100字').optional(),
  text: BulletinText.partial().optional(),
  signer: z.string().trim().min(1, '发文机关署名不能为空').max(50).optional(),
  issuedOn: z.iso.date('成文日期格式应为 2026-03-24').optional(),
  commendTop: z.number().int().min(0).max(50).optional(),
  appealDays: z.number().int().min(1, '征求意见期至少1天').max(30, '征求意见期不超过30天').optional(),
});
export type UpdateBulletinInput = z.infer<typeof UpdateBulletinInput>;

/** 重新生成: refresh the numbers from the statistics; `keepText` keeps the edited narrative. */
export const RegenerateBulletinInput = z.strictObject({ version: z.number().int().min(1), keepText: z.boolean().default(false) });
export const BulletinVersionInput = z.strictObject({ version: z.number().int().min(1) });

export const CreateAppealInput = z.strictObject({
  orgId: id('单位'),
  reason: z.string().trim().min(5, '请写明异议理由（至少5个字）').max(2000, '异议理由不超过2000字'),
});
export type CreateAppealInput = z.infer<typeof CreateAppealInput>;
export const AnswerAppealInput = z.strictObject({ answer: z.string().trim().min(2, '请填写答复意见').max(2000, '答复不超过2000字') });

/** What a unit sees: bulletins open for appeal or final that cover it, with its own appeals. */
export const OpenBulletin = BulletinSummary.extend({ appeals: z.array(BulletinAppeal), myOrgs: z.array(z.object({ id: z.uuid(), name: z.string() })) });
export const OpenBulletinListOutput = z.object({ items: z.array(OpenBulletin) });
export type OpenBulletin = z.infer<typeof OpenBulletin>;
