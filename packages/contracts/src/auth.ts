import { z } from 'zod';
import { PERMISSIONS } from './permissions.ts';
import { ROLES } from './roles.ts';

export const LoginInput = z.strictObject({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const ChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, '请输入当前密码').max(128),
  newPassword: z.string().min(1, '请输入新密码').max(128),
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const Me = z.object({
  id: z.uuid(),
  username: z.string(),
  name: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  mustChangePassword: z.boolean(),
  roles: z.array(z.object({ role: z.enum(ROLES), orgId: z.uuid(), orgName: z.string() })),
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type Me = z.infer<typeof Me>;

export const SecurityPolicy = z.strictObject({
  minLength: z.number().int().min(8, '密码最短不得少于 8 位').max(64),
  minClasses: z.number().int().min(2).max(4),
  maxFailedLogins: z.number().int().min(3).max(10),
  lockMinutes: z.number().int().min(5).max(24 * 60),
  idleMinutes: z.number().int().min(5).max(240),
  passwordMaxAgeDays: z.number().int().min(0).max(365),
});
export type SecurityPolicy = z.infer<typeof SecurityPolicy>;

/** 等保 level-3 defaults: ≥ 8 chars of 3 classes, lock for 30 minutes after 5 failures, 30 minutes idle. */
export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  minLength: 8,
  minClasses: 3,
  maxFailedLogins: 5,
  lockMinutes: 30,
  idleMinutes: 30,
  passwordMaxAgeDays: 90,
};
