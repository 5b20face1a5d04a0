import type { RecoveryCodes, SecondFactorEnrolment, SecondFactorStatus } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import { writeAudit } from '../../../core/audit/audit.ts';
import { afterCommit } from '../../../core/cache.ts';
import type { Ctx } from '../../../core/context.ts';
import { AppError, invalidState } from '../../../core/errors.ts';
import { keyedHash, openField, sealField } from '../../../core/fields.ts';
import { currentPolicy } from '../../security/index.ts';
import { claimTotpStep, findUserById, updateUserRow } from '../../users/index.ts';
import { secondFactorRequired } from '../second-factor/policy.ts';
import { enrolmentOf, matchTotpStep, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode } from '../second-factor/totp.ts';
import { RECOVERY_CODE_PURPOSE } from './second-factor-login.ts';

function signedIn(ctx: Ctx): string {
  if (!ctx.actor.userId) throw new AppError('UNAUTHORIZED');
  return ctx.actor.userId;
}

export async function secondFactorStatus({ ctx }: { ctx: Ctx }): Promise<SecondFactorStatus> {
  const user = await findUserById(ctx.db, signedIn(ctx));
  if (!user) throw new AppError('UNAUTHORIZED');
  const policy = await currentPolicy(ctx.db);
  return {
    enabled: user.totpEnabledAt !== null,
    enabledAt: user.totpEnabledAt?.toISOString() ?? null,
    required: secondFactorRequired(
      policy,
      ctx.actor.grants.map((g) => g.role),
    ),
    recoveryCodesLeft: user.recoveryCodeHashes.length,
  };
}

/**
 * Enrolment, step 1: a fresh secret, stored SM4-sealed but not trusted until a code from it is
 * confirmed. Starting again replaces an unconfirmed secret; an enabled factor is changed only
 * through the security admin's reset, so a stolen session cannot swap the authenticator.
 */
export async function startSecondFactorEnrolment({ ctx }: { ctx: Ctx }): Promise<SecondFactorEnrolment> {
  const userId = signedIn(ctx);
  const secret = newTotpSecret();
  await ctx.db.transaction(async (tx: Executor) => {
    const user = await findUserById(tx, userId);
    if (!user) throw new AppError('UNAUTHORIZED');
    if (user.totpEnabledAt) throw invalidState('已启用两步验证；如需更换手机，请联系安全管理员重置');
    await updateUserRow(tx, userId, { totpSecret: sealField(ctx.config.auditKey, secret) });
  });
  return enrolmentOf(ctx.actor.username, secret);
}

/** Enrolment, step 2: a right code switches the factor on and hands out ten recovery codes, once. */
export async function confirmSecondFactorEnrolment({ ctx, code }: { ctx: Ctx; code: string }): Promise<RecoveryCodes> {
  const userId = signedIn(ctx);
  const recoveryCodes = newRecoveryCodes();
  // afterCommit: the cached session must stop forcing enrolment as soon as this commits.
  await afterCommit(ctx.db, () =>
    ctx.db.transaction(async (tx: Executor) => {
      const user = await findUserById(tx, userId);
      if (!user) throw new AppError('UNAUTHORIZED');
      if (user.totpEnabledAt) throw invalidState('已启用两步验证');
      if (!user.totpSecret) throw invalidState('请先开始设置两步验证');
      const step = matchTotpStep(openField(ctx.config.auditKey, user.totpSecret), code);
      // The confirming code's step is marked used, so it cannot also open a login.
      if (step === null || !(await claimTotpStep(tx, userId, step))) {
        throw new AppError('INVALID_SECOND_FACTOR', '验证码不正确：请核对手机时间后输入验证器中当前的 6 位数字');
      }
      const hashes = recoveryCodes.map((c) => keyedHash(ctx.config.auditKey, RECOVERY_CODE_PURPOSE, normaliseRecoveryCode(c)));
      const enabled = await updateUserRow(tx, userId, { totpEnabledAt: new Date(), recoveryCodeHashes: hashes });
      if (!enabled) throw new AppError('UNAUTHORIZED');
      await writeAudit(tx, ctx, { action: 'auth.second_factor_enrol', targetType: 'user', targetId: userId, orgId: user.orgId, after: { recoveryCodes: hashes.length } });
    }),
  );
  return { recoveryCodes };
}
