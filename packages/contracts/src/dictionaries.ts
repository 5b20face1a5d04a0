import { z } from 'zod';

/** Seed 004's 重点宣传内容, the default categories (栏目分类); 突发事件 opens the urgent lane. */
export const DEFAULT_CATEGORIES = [
  { code: 'economy', name: '经济发展', urgent: false },
  { code: 'brand', name: '品牌建设', urgent: false },
  { code: 'innovation', name: '创新工作', urgent: false },
  { code: 'highlight', name: '亮点特色', urgent: false },
  { code: 'news', name: '工作动态', urgent: false },
  { code: 'emergency', name: '突发事件', urgent: true },
  { code: 'other', name: '其他', urgent: false },
] as const;

const owner = { orgId: z.uuid(), orgName: z.string(), editable: z.boolean() };

export const Category = z.object({
  id: z.uuid(),
  ...owner,
  name: z.string(),
  code: z.string().nullable(),
  /** Opens the urgent lane (首报 / 续报 / 终报). */
  urgent: z.boolean(),
  /** 首报 due this many minutes after the event. */
  deadlineMinutes: z.number().int(),
  /** An open chain expects a 续报 or 终报 within this many hours of the last report. */
  followUpHours: z.number().int(),
  sortOrder: z.number().int(),
  status: z.enum(['active', 'disabled']),
});
export type Category = z.infer<typeof Category>;
export const CreateCategoryInput = z.strictObject({
  orgId: z.uuid('所属单位无效'),
  name: z.string().trim().min(2, '分类名称至少 2 个字').max(20, '分类名称最多 20 个字'),
  urgent: z.boolean().default(false),
  deadlineMinutes: z
    .number()
    .int()
    .min(5, '首报时限至少 5 分钟')
    .max(24 * 60)
    .default(40),
  followUpHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  sortOrder: z.number().int().min(0).max(10_000).default(100),
});
export const UpdateCategoryInput = z.strictObject({
  name: z.string().trim().min(2, '分类名称至少 2 个字').max(20, '分类名称最多 20 个字').optional(),
  urgent: z.boolean().optional(),
  deadlineMinutes: z
    .number()
    .int()
    .min(5, '首报时限至少 5 分钟')
    .max(24 * 60)
    .optional(),
  followUpHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

export const WORD_LEVELS = ['blocking', 'warning'] as const;
export const WORD_LEVEL_LABELS = { blocking: '禁用（阻止报送）', warning: '提示' } as const;
export const SensitiveWord = z.object({
  id: z.uuid(),
  ...owner,
  word: z.string(),
  level: z.enum(WORD_LEVELS),
  /** Free grouping, e.g. 政治敏感, 不规范表述, 低俗. */
  category: z.string(),
  note: z.string(),
  suggestion: z.string().nullable(),
});
export type SensitiveWord = z.infer<typeof SensitiveWord>;
export const CreateSensitiveWordInput = z.strictObject({
  orgId: z.uuid('所属单位无效'),
  word: z.string().trim().min(1, '请填写词语').max(40, '词语最多 40 个字'),
  level: z.enum(WORD_LEVELS, '级别无效'),
  category: z.string().trim().max(20).default('敏感词'),
  note: z.string().trim().max(200).default(''),
  suggestion: z.string().trim().max(40).nullable().default(null),
});
export const UpdateSensitiveWordInput = z.strictObject({
  word: z.string().trim().min(1, '请填写词语').max(40, '词语最多 40 个字').optional(),
  level: z.enum(WORD_LEVELS, '级别无效').optional(),
  category: z.string().trim().max(20).optional(),
  note: z.string().trim().max(200).optional(),
  suggestion: z.string().trim().max(40).nullable().optional(),
});

export const Leader = z.object({
  id: z.uuid(),
  ...owner,
  name: z.string(),
  /** Every current title, e.g. 市委副书记、市长. */
  titles: z.array(z.string()),
  note: z.string(),
  sortOrder: z.number().int(),
});
export type Leader = z.infer<typeof Leader>;
const titles = z.array(z.string().trim().min(1).max(30, '职务最多 30 个字')).min(1, '请至少填写一个职务').max(10);
export const CreateLeaderInput = z.strictObject({
  orgId: z.uuid('所属单位无效'),
  name: z.string().trim().min(2, '姓名至少 2 个字').max(20, '姓名最多 20 个字'),
  titles,
  note: z.string().trim().max(200).default(''),
  sortOrder: z.number().int().min(0).max(10_000).default(100),
});
export const UpdateLeaderInput = z.strictObject({
  name: z.string().trim().min(2, '姓名至少 2 个字').max(20, '姓名最多 20 个字').optional(),
  titles: titles.optional(),
  note: z.string().trim().max(200).optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});

export const DictionaryIdParams = z.strictObject({ id: z.uuid('词条编号无效') });
/** Entries that apply to a unit: its own and those of every unit above it. */
export const DictionaryQuery = z.strictObject({ orgId: z.uuid('单位无效').optional() });
export const CategoryListOutput = z.object({ items: z.array(Category) });
export const SensitiveWordListOutput = z.object({ items: z.array(SensitiveWord) });
export const LeaderListOutput = z.object({ items: z.array(Leader) });
export const DeletedOutput = z.object({ deleted: z.boolean() });
