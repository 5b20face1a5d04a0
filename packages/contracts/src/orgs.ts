import { z } from 'zod';

export const ORG_KINDS = ['party', 'congress', 'government', 'section', 'street', 'community', 'school', 'enterprise', 'media'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_KIND_LABELS = {
  party: '党委',
  congress: '人大',
  government: '政府部门',
  section: '科室',
  street: '街道',
  community: '村社区',
  school: '学校',
  enterprise: '企业',
  media: '媒体',
} as const satisfies Record<OrgKind, string>;

export const ORG_STATUSES = ['active', 'disabled'] as const;

export const Org = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  code: z.string(),
  sortOrder: z.number().int(),
  status: z.enum(ORG_STATUSES),
  depth: z.number().int(),
});
export type Org = z.infer<typeof Org>;

const orgName = z.string().trim().min(2, '单位名称至少 2 个字').max(60, '单位名称最多 60 个字');
const orgCode = z
  .string()
  .trim()
  .min(1, '请填写单位编码')
  .max(32, '单位编码最多 32 位')
  .regex(/^[A-Za-z0-9_-]+$/, '单位编码只能包含字母、数字、下划线和短横线');

export const CreateOrgInput = z.strictObject({
  parentId: z.uuid('上级单位无效'),
  name: orgName,
  kind: z.enum(ORG_KINDS, '单位类型无效'),
  code: orgCode,
  sortOrder: z.number().int().min(0).max(100000).optional(),
});
export type CreateOrgInput = z.infer<typeof CreateOrgInput>;

export const UpdateOrgInput = z.strictObject({
  name: orgName.optional(),
  kind: z.enum(ORG_KINDS, '单位类型无效').optional(),
  parentId: z.uuid('上级单位无效').optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
  status: z.enum(ORG_STATUSES).optional(),
});
export type UpdateOrgInput = z.infer<typeof UpdateOrgInput>;

export const OrgIdParams = z.strictObject({ id: z.uuid('单位编号无效') });
export const OrgListOutput = z.object({ items: z.array(Org) });
