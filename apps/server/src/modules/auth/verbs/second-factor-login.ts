import type { Me, SecondFactorLoginInput } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { AppError } from '../../../core/errors.ts';
import { keyedHash, openField } from '../../../core/fields.ts';
import { currentPolicy } from '../../security/index.ts';
import { claimTotpStep, consumeRecoveryCode, findUserById, isLocked, lockUserForLogin, updateUserRow, type UserRow } from '../../users/index.ts';
import { loadActor, presentMe } from '../actor.ts';
import { openChallenge } from '../second-factor/challenge.ts';
import { matchTotpStep, normaliseRecoveryCode } from '../second-factor/totp.ts';
import { insertSession } from '../sessions.repo.ts';
import { newSessionToken } from '../tokens.ts';
import { lockedMessage, passwordExpiredUnder } from './login.ts';

export const RECOVERY_CODE_PURPOSE = 'users.recovery_code';

function asUser(ctx: Ctx, user: UserRow): Ctx {
  return { ...ctx, actor: { ...ctx.actor, type: 'user', userId: user.id, username: user.username, name: user.name } };
}

/**
 * Second step of a login: a TOTP code (not a step already used: replays are refused) or a one-time
 * recovery code. Wrong codes count towards the same lockout as wrong passwords and are committed
 * before the error is thrown.
 */
export async function completeSecondFactorLogin({ ctx, input, userAgent }: { ctx: Ctx; input: SecondFactorLoginInput; userAgent: string | null }): Promise<{ token: string; me: Me }> {
  const userId = openChallenge(ctx.config.auditKey, input.challenge);
  if (!userId) throw new AppError('SESSION_EXPIRED', '验证已超时，请重新输入用户名和密码');
  const user = await findUserById(ctx.db, userId);
  if (!user || user.status !== 'active' || !user.totpEnabledAt || !user.totpSecret) {
    throw new AppError('SESSION_EXPIRED', '验证已失效，请重新输入用户名和密码');
  }
  const attempt = asUser(ctx, user);
  const policy = await currentPolicy(ctx.db);
  if (isLocked(user)) throw new AppError('ACCOUNT_LOCKED', lockedMessage(user.lockedUntil));

  const method = input.code !== undefined ? 'totp' : 'recovery';
  const { token, id } = newSessionToken();
  // One transaction under the account's row lock, as for passwords: a burst of guessed codes is
  // checked one at a time, so no more than the policy's limit are tried before the lock, and a
  // code that arrives after the lock stays out.
  const outcome = await ctx.db.transaction(async (tx: Executor): Promise<{ ok: true } | { ok: false; lockedUntil: Date | null; locked?: boolean }> => {
    const row = await lockUserForLogin(tx, user.id);
    if (!row || isLocked(row)) return { ok: false, lockedUntil: row?.lockedUntil ?? null, locked: true };
    let ok = false;
    let recoveryLeft: number | null = null;
    if (input.code !== undefined) {
      const step = matchTotpStep(openField(ctx.config.auditKey, user.totpSecret ?? ''), input.code);
      // The conditional update is the replay guard: a step at or before the last one used is refused.
      ok = step !== null && (await claimTotpStep(tx, user.id, step));
    } else {
      const hash = keyedHash(ctx.config.auditKey, RECOVERY_CODE_PURPOSE, normaliseRecoveryCode(input.recoveryCode ?? ''));
      recoveryLeft = await consumeRecoveryCode(tx, user.id, hash);
      ok = recoveryLeft !== null;
    }
    if (!ok) {
      await writeAudit(tx, attempt, {
        action: 'auth.login_failed',
        targetType: 'user',
        targetId: user.id,
        orgId: user.orgId,
        after: { username: user.username, reason: method === 'totp' ? '动态验证码错误或重复使用' : '恢复码错误或已使用' },
      });
      const failures = row.failedLogins + 1;
      if (failures < policy.maxFailedLogins) {
        await updateUserRow(tx, user.id, { failedLogins: failures });
        return { ok: false, lockedUntil: null };
      }
      const lockedUntil = new Date(Date.now() + policy.lockMinutes * 60_000);
      await updateUserRow(tx, user.id, { lockedUntil, failedLogins: 0 });
      await writeAudit(tx, attempt, { action: 'auth.lock', targetType: 'user', targetId: user.id, orgId: user.orgId, after: { lockedUntil, failures } });
      return { ok: false, lockedUntil };
    }
    await updateUserRow(tx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() });
    await insertSession(tx, { id, userId: user.id, ip: ctx.ip, userAgent: userAgent?.slice(0, 300) ?? null });
    if (method === 'recovery') {
      await writeAudit(tx, attempt, { action: 'auth.recovery_code_used', targetType: 'user', targetId: user.id, orgId: user.orgId, after: { recoveryCodesLeft: recoveryLeft } });
    }
    await writeAudit(tx, attempt, { action: 'auth.login', targetType: 'user', targetId: user.id, orgId: user.orgId, after: { secondFactor: method } });
    return { ok: true };
  });

  if (!outcome.ok) {
    if (outcome.locked) throw new AppError('ACCOUNT_LOCKED', lockedMessage(outcome.lockedUntil));
    if (outcome.lockedUntil) {
      throw new AppError('ACCOUNT_LOCKED', `连续 ${policy.maxFailedLogins} 次验证失败，${lockedMessage(outcome.lockedUntil)}`, {
        lockedUntil: outcome.lockedUntil.toISOString(),
      });
    }
    throw new AppError('INVALID_SECOND_FACTOR', method === 'totp' ? '动态验证码错误或已使用，请输入验证器中新的验证码' : '恢复码错误或已使用');
  }
  const actor = await loadActor(ctx.db, user.id, passwordExpiredUnder(policy), policy);
  if (!actor) throw new AppError('INVALID_CREDENTIALS');
  return { token, me: presentMe(actor) };
}
