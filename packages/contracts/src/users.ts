import { z } from 'zod';
import { ROLES } from './roles.ts';

export const USER_STATUSES = ['pending', 'active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
export const USER_STATUS_LABELS = { pending: '待启用', active: '正常', disabled: '已停用' } as const satisfies Record<UserStatus, string>;

export const RoleGrant = z.object({
  role: z.enum(ROLES),
  orgId: z.uuid(),
  orgName: z.string(),
});
export type RoleGrant = z.infer<typeof RoleGrant>;

export const User = z.object({
  id: z.uuid(),
  username: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  orgId: z.uuid(),
  orgName: z.string(),
  status: z.enum(USER_STATUSES),
  isLocked: z.boolean(),
  mustChangePassword: z.boolean(),
  /** TOTP enrolled; the phone above is masked (138****1234), the full number only via reveal. */
  secondFactorEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  grants: z.array(RoleGrant),
});
export type User = z.infer<typeof User>;

const username = z
  .string()
  .trim()
  .min(3, '用户名至少 3 位')
  .max(32, '用户名最多 32 位')
  .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和短横线');
const personName = z.string().trim().min(2, '姓名至少 2 个字').max(30, '姓名最多 30 个字');
const title = z.string().trim().max(30, '职务最多 30 个字').nullable();
const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, '手机号应为 11 位数字')
  .nullable();
const email = z.email('邮箱格式不正确').nullable();

export const GrantInput = z.strictObject({ role: z.enum(ROLES, '角色无效'), orgId: z.uuid('授权单位无效') });
export type GrantInput = z.infer<typeof GrantInput>;

export const CreateUserInput = z.strictObject({
  username,
  name: personName,
  title: title.optional(),
  phone: phone.optional(),
  email: email.optional(),
  orgId: z.uuid('所属单位无效'),
  initialPassword: z.string().min(1, '请填写初始密码').max(128),
  grants: z.array(GrantInput).max(20).default([]),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z.strictObject({
  name: personName.optional(),
  title: title.optional(),
  phone: phone.optional(),
  email: email.optional(),
  orgId: z.uuid('所属单位无效').optional(),
  status: z.enum(['active', 'disabled']).optional(),
  grants: z.array(GrantInput).max(20).optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

/** The security admin sets a temporary password; the user must change it at the next login. */
export const ResetPasswordInput = z.strictObject({
  newPassword: z.string().min(1, '请填写临时密码').max(128),
});
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

export const UserListQuery = z.strictObject({
  orgId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
  status: z.enum(USER_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const UserListOutput = z.object({ items: z.array(User), total: z.number().int() });
export const UserIdParams = z.strictObject({ id: z.uuid('用户编号无效') });

/** What a reveal returns: the full personal fields, once, written to the audit log. */
export const RevealedUserFields = z.object({ phone: z.string().nullable() });
export type RevealedUserFields = z.infer<typeof RevealedUserFields>;
