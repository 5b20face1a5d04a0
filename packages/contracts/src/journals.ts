import { z } from 'zod';

const id = (what: string) => z.uuid(`${what}无效`);

export const Journal = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  name: z.string(),
  publisher: z.string(),
  status: z.enum(['active', 'disabled']),
});
export type Journal = z.infer<typeof Journal>;
export const JournalListOutput = z.object({ items: z.array(Journal) });
export const JournalListQuery = z.strictObject({ orgId: id('单位').optional() });
const journalName = z
  .string()
  .trim()
  .transform((v) => v.replace(/^《|》$/g, ''))
  .pipe(z.string().min(2, '刊物名称至少 2 个字').max(30, '刊物名称最多 30 个字'));
export const CreateJournalInput = z.strictObject({
  orgId: id('主办单位'),
  /** Without 《》: the document adds them where they belong. */
  name: journalName,
  publisher: z.string().trim().min(2, '编印单位至少 2 个字').max(60, '编印单位最多 60 个字'),
});
export type CreateJournalInput = z.infer<typeof CreateJournalInput>;
export const UpdateJournalInput = z.strictObject({
  name: journalName.optional(),
  publisher: z.string().trim().min(2, '编印单位至少 2 个字').max(60, '编印单位最多 60 个字').optional(),
  status: z.enum(['active', 'disabled'], '状态无效').optional(),
});
export type UpdateJournalInput = z.infer<typeof UpdateJournalInput>;
export const JournalIdParams = z.strictObject({ id: id('刊物') });

/** 报 / 送 / 发: the three lines of the distribution block. */
const units = z.array(z.string().trim().min(1, '单位名称不能为空').max(60, '单位名称最多 60 个字')).max(100, '单位最多 100 个');
export const Distribution = z.strictObject({
  report: units.default([]),
  send: units.default([]),
  issue: units.default([]),
});
export type Distribution = z.infer<typeof Distribution>;

export const JOURNAL_ISSUE_STATUSES = ['draft', 'published'] as const;
export type JournalIssueStatus = (typeof JOURNAL_ISSUE_STATUSES)[number];
export const JOURNAL_ISSUE_STATUS_LABELS = { draft: '编辑中', published: '已出刊' } as const satisfies Record<JournalIssueStatus, string>;

export const JournalItem = z.object({
  id: z.uuid(),
  manuscriptId: z.uuid(),
  manuscriptOrgId: z.uuid(),
  manuscriptOrgName: z.string(),
  position: z.number().int(),
  title: z.string(),
  bodyHtml: z.string(),
});
export type JournalItem = z.infer<typeof JournalItem>;

export const JournalIssueSummary = z.object({
  id: z.uuid(),
  journalId: z.uuid(),
  journalName: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  /** 2026年第3期 */
  label: z.string(),
  issueDate: z.string(),
  status: z.enum(JOURNAL_ISSUE_STATUSES),
  itemCount: z.number().int(),
  version: z.number().int(),
  publishedAt: z.string().nullable(),
  publishedByName: z.string().nullable(),
  createdByName: z.string(),
});
export type JournalIssueSummary = z.infer<typeof JournalIssueSummary>;
export const JournalIssue = JournalIssueSummary.extend({
  publisher: z.string(),
  distribution: Distribution,
  items: z.array(JournalItem),
});
export type JournalIssue = z.infer<typeof JournalIssue>;
export const JournalIssueListOutput = z.object({ items: z.array(JournalIssueSummary) });
export const JournalIssueListQuery = z.strictObject({
  journalId: id('刊物').optional(),
  orgId: id('单位').optional(),
  year: z.coerce.number().int().min(2000, '年份无效').max(2100, '年份无效').optional(),
});
export const CreateJournalIssueInput = z.strictObject({
  /** Defaults to the year of `issueDate`. */
  issueDate: z.iso.date('出刊日期格式不正确'),
});
export type CreateJournalIssueInput = z.infer<typeof CreateJournalIssueInput>;
export const JournalIssueIdParams = z.strictObject({ id: id('期刊') });

/** The whole composition in one save: order is the array's order; ids of manuscripts only. */
export const SaveJournalIssueInput = z.strictObject({
  version: z.number().int().min(1),
  issueDate: z.iso.date('出刊日期格式不正确').optional(),
  distribution: Distribution.optional(),
  items: z
    .array(
      z.strictObject({
        manuscriptId: id('稿件'),
        /** The journal's copy; omitted: the manuscript's approved text (new) or unchanged (existing). */
        title: z.string().trim().min(2, '标题至少 2 个字').max(100, '标题最多 100 个字').optional(),
        bodyHtml: z.string().max(200_000, '正文过长').optional(),
      }),
    )
    .max(60, '一期最多 60 篇')
    .refine((list) => new Set(list.map((i) => i.manuscriptId)).size === list.length, '同一稿件不能在一期中出现两次')
    .optional(),
});
export type SaveJournalIssueInput = z.infer<typeof SaveJournalIssueInput>;
export const PublishJournalIssueInput = z.strictObject({ version: z.number().int().min(1) });
