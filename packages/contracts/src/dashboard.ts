import { z } from 'zod';
import { STAT_GRAINS } from './scoring.ts';

export const DashboardQuery = z.strictObject({
  grain: z.enum(STAT_GRAINS, '统计周期无效').default('year'),
  /** 2026-03, 2026-Q1 or 2026. */
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/, '期间格式应为 2026、2026-Q1 或 2026-03'),
  orgId: z.uuid('单位无效').optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const DashboardOutput = z.object({
  grain: z.enum(STAT_GRAINS),
  period: z.string(),
  from: z.string(),
  to: z.string(),
  trend: z.object({ months: z.array(z.string()), submitted: z.array(z.number()), adopted: z.array(z.number()), points: z.array(z.number()) }),
  totals: z.object({ submitted: z.number(), approved: z.number(), released: z.number(), adopted: z.number(), points: z.number() }),
  adoptionsByLevel: z.array(z.object({ level: z.string(), label: z.string(), count: z.number() })),
  ranking: z.array(z.object({ orgId: z.uuid(), orgName: z.string(), points: z.number(), rank: z.number() })),
  categoryMix: z.array(z.object({ name: z.string(), count: z.number() })),
  quotaCompletion: z.array(z.object({ orgId: z.uuid(), orgName: z.string(), percent: z.number() })),
  /** 统计截止日 of the current month (YYYY-MM-DD) and the day setting. */
  statisticsDeadline: z.string(),
  statisticsDeadlineDay: z.number().int(),
  /** The office's 考核对象 with nothing submitted this (current) month: the 通报批评 rule. */
  unitsWithoutSubmission: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** 舆情 over the period (null without opinion.read): mentions, their sentiment, alerts, incidents open now. */
  opinion: z
    .object({
      total: z.number().int(),
      negative: z.number().int(),
      neutral: z.number().int(),
      positive: z.number().int(),
      alerts: z.number().int(),
      openIncidents: z.number().int(),
      overdueIncidents: z.number().int(),
    })
    .nullable(),
  /** 台账: the office's own targets by light this year (null without activity.read). */
  ledger: z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int(), total: z.number().int() }).nullable(),
  /** 督办: the year's plan tasks of the office's subtree (null without plan.read). */
  supervision: z.object({ total: z.number().int(), done: z.number().int(), late: z.number().int(), overdue: z.number().int() }).nullable(),
});
export type DashboardOutput = z.infer<typeof DashboardOutput>;
