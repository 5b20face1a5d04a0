import { z } from 'zod';

const id = (what: string) => z.uuid(`${what}无效`);

/** Document kinds that carry a 发文字号; each has its own register per issuing office and year. */
export const DOCUMENT_KINDS = ['bulletin'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS = { bulletin: '通报' } as const satisfies Record<DocumentKind, string>;

/** 发文设置 of one office for one kind: what its 版头 and 版记 print. */
export const DocumentRegister = z.object({
  orgId: z.uuid(),
  orgName: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  /** 发文机关标志 (red masthead). */
  masthead: z.string(),
  /** 发文机关代字: 江宣 → 江宣〔2026〕5号. */
  code: z.string(),
  copyTo: z.string(),
  printedBy: z.string(),
  /** False while the office prints with the defaults derived from its name. */
  configured: z.boolean(),
  /** The number the next final document of this kind will get this year. */
  nextNumber: z.string(),
  updatedByName: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type DocumentRegister = z.infer<typeof DocumentRegister>;

export const DocumentRegisterParams = z.strictObject({ orgId: id('单位'), kind: z.enum(DOCUMENT_KINDS, '文种无效') });

const line = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${what}不超过${max}字`)
    .refine((s) => !/[\r\n\t]/.test(s), `${what}不能换行`);

export const UpdateDocumentRegisterInput = z.strictObject({
  masthead: line('发文机关标志', 30).pipe(z.string().min(2, '发文机关标志至少2个字')),
  code: line('发文机关代字', 10)
    .pipe(z.string().min(1, '发文机关代字不能为空'))
    .refine((s) => !/[〔〕[\]()（）0-9号]/.test(s), '发文机关代字只写代字（如“江宣”），年份和序号由系统编排'),
  copyTo: line('抄送机关', 200),
  printedBy: line('印发机关', 30).pipe(z.string().min(2, '印发机关至少2个字')),
});
export type UpdateDocumentRegisterInput = z.infer<typeof UpdateDocumentRegisterInput>;

/** One line of the 发文登记簿. */
export const DocumentNumber = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  kind: z.enum(DOCUMENT_KINDS),
  year: z.number().int(),
  seq: z.number().int(),
  number: z.string(),
  targetType: z.string(),
  targetId: z.uuid(),
  title: z.string(),
  assignedByName: z.string(),
  createdAt: z.string(),
});
export type DocumentNumber = z.infer<typeof DocumentNumber>;

export const DocumentNumberListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000, '年份无效').max(2100, '年份无效').optional(),
});
export const DocumentNumberListOutput = z.object({ items: z.array(DocumentNumber) });
