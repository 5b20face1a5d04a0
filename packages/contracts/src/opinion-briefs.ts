import { z } from 'zod';
import { GRADES, INCIDENT_STAGES } from './opinion-incidents.ts';

export const BRIEF_KINDS = ['daily', 'weekly'] as const;
export type BriefKind = (typeof BRIEF_KINDS)[number];
export const BRIEF_KIND_LABELS = { daily: '舆情日报', weekly: '舆情周报' } as const satisfies Record<BriefKind, string>;
export const BRIEF_STATUSES = ['pending', 'ready', 'failed'] as const;

export const Brief = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  kind: z.enum(BRIEF_KINDS),
  /** The covered period, [from, to), and the China-time day(s) it names. */
  periodFrom: z.string(),
  periodTo: z.string(),
  title: z.string(),
  status: z.enum(BRIEF_STATUSES),
  error: z.string().nullable(),
  createdAt: z.string(),
  generatedAt: z.string().nullable(),
  downloadUrl: z.string().nullable(),
});
export type Brief = z.infer<typeof Brief>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const CreateBriefInput = z.strictObject({
  orgId: z.uuid('单位无效'),
  kind: z.enum(BRIEF_KINDS, '简报类型无效'),
  /** A day (China time) inside the period; default yesterday for a daily, last week for a weekly. */
  date: day.optional(),
});
export type CreateBriefInput = z.infer<typeof CreateBriefInput>;

export const BriefListQuery = z.strictObject({
  orgId: z.uuid().optional(),
  kind: z.enum(BRIEF_KINDS).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const BriefListOutput = z.object({ items: z.array(Brief), total: z.number().int() });
export const BriefIdParams = z.strictObject({ id: z.uuid('简报编号无效') });

export const BriefFiguresQuery = z.strictObject({
  from: z.iso.datetime({ offset: true, message: '开始时间格式不正确' }),
  to: z.iso.datetime({ offset: true, message: '结束时间格式不正确' }),
  orgId: z.uuid().optional(),
});
export type BriefFiguresQuery = z.infer<typeof BriefFiguresQuery>;

/** The figures of a brief, also served as JSON for the chart page. */
export const BriefFigures = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  sentiment: z.object({ positive: z.number().int(), neutral: z.number().int(), negative: z.number().int() }),
  byDay: z.array(z.object({ day: z.string(), total: z.number().int(), negative: z.number().int() })),
  bySource: z.array(z.object({ sourceId: z.uuid(), name: z.string(), count: z.number().int() })),
  byTopic: z.array(z.object({ topicId: z.uuid(), name: z.string(), count: z.number().int(), negative: z.number().int() })),
  topClusters: z.array(
    z.object({
      clusterId: z.uuid(),
      title: z.string(),
      count: z.number().int(),
      negative: z.number().int(),
      firstAt: z.string(),
      firstSourceName: z.string(),
    }),
  ),
  alerts: z.number().int(),
  openIncidents: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      grade: z.enum(GRADES),
      stage: z.enum(INCIDENT_STAGES),
      stageDeadline: z.string().nullable(),
      overdue: z.boolean(),
      orgName: z.string(),
    }),
  ),
  /** Incidents that began in the period, and those closed (办结) in it, with their 处置 summary. */
  periodIncidents: z
    .object({
      opened: z.array(z.object({ id: z.uuid(), title: z.string(), grade: z.enum(GRADES), orgName: z.string(), at: z.string() })),
      closed: z.array(z.object({ id: z.uuid(), title: z.string(), grade: z.enum(GRADES), orgName: z.string(), at: z.string(), summary: z.string().nullable() })),
    })
    .default({ opened: [], closed: [] }),
  incidentsByStage: z.object(Object.fromEntries(INCIDENT_STAGES.map((s) => [s, z.number().int()])) as Record<(typeof INCIDENT_STAGES)[number], z.ZodNumber>),
});
export type BriefFigures = z.infer<typeof BriefFigures>;
