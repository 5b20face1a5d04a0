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
  /** The policy requires a second factor and none is enrolled: only enrolment is open. */
  mustEnrolSecondFactor: z.boolean(),
  secondFactorEnabled: z.boolean(),
  roles: z.array(z.object({ role: z.enum(ROLES), orgId: z.uuid(), orgName: z.string() })),
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type Me = z.infer<typeof Me>;

export const SECOND_FACTOR_SCOPES = ['admins', 'everyone', 'none'] as const;
export type SecondFactorScope = (typeof SECOND_FACTOR_SCOPES)[number];
export const SECOND_FACTOR_SCOPE_LABELS = {
  admins: '三员（系统管理员、安全管理员、审计管理员）',
  everyone: '所有用户',
  none: '不强制（用户可自行启用）',
} as const satisfies Record<SecondFactorScope, string>;

export const SecurityPolicy = z.strictObject({
  minLength: z.number().int().min(8, '密码最短不得少于 8 位').max(64),
  minClasses: z.number().int().min(2).max(4),
  maxFailedLogins: z.number().int().min(3).max(10),
  lockMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  idleMinutes: z.number().int().min(5).max(240),
  passwordMaxAgeDays: z.number().int().min(0).max(365),
  /** Who must log in with a TOTP code; a policy saved before this field existed reads as 'admins'. */
  requireSecondFactorFor: z.enum(SECOND_FACTOR_SCOPES).default('admins'),
});
export type SecurityPolicy = z.infer<typeof SecurityPolicy>;
/** What the security admin saves: a client that does not know the second-factor field leaves it as it is. */
export const SecurityPolicyInput = SecurityPolicy.extend({ requireSecondFactorFor: z.enum(SECOND_FACTOR_SCOPES).optional() });
export type SecurityPolicyInput = z.infer<typeof SecurityPolicyInput>;

/** 等保 level-3 defaults: ≥ 8 chars of 3 classes, lock for 30 minutes after 5 failures, 30 minutes idle. */
export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  minLength: 8,
  minClasses: 3,
  maxFailedLogins: 5,
  lockMinutes: 30,
  idleMinutes: 30,
  passwordMaxAgeDays: 90,
  requireSecondFactorFor: 'admins',
};

/** The password was right and a code is needed: a short-lived challenge, not a session. */
export const SecondFactorChallenge = z.object({
  needSecondFactor: z.literal(true),
  challenge: z.string(),
  expiresAt: z.string(),
});
export type SecondFactorChallenge = z.infer<typeof SecondFactorChallenge>;
export const LoginResult = z.union([Me, SecondFactorChallenge]);
export type LoginResult = z.infer<typeof LoginResult>;

export const SecondFactorLoginInput = z
  .strictObject({
    challenge: z.string().min(1).max(1000),
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, '验证码应为 6 位数字')
      .optional(),
    recoveryCode: z.string().trim().min(1, '请输入恢复码').max(40).optional(),
  })
  .refine((v) => (v.code === undefined) !== (v.recoveryCode === undefined), { message: '请输入验证码或恢复码之一', path: ['code'] });
export type SecondFactorLoginInput = z.infer<typeof SecondFactorLoginInput>;

export const SecondFactorStatus = z.object({
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type SecondFactorStatus = z.infer<typeof SecondFactorStatus>;

/** Enrolment start: the secret as text and as a QR code (PNG data URL) for the authenticator app. */
export const SecondFactorEnrolment = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() });
export type SecondFactorEnrolment = z.infer<typeof SecondFactorEnrolment>;
export const ConfirmSecondFactorInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '验证码应为 6 位数字'),
});
export type ConfirmSecondFactorInput = z.infer<typeof ConfirmSecondFactorInput>;
/** Shown once: only their hashes are kept. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;
