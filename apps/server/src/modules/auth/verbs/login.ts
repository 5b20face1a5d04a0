import type { LoginInput, Me, SecondFactorChallenge, SecurityPolicy } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { AppError } from '../../../core/errors.ts';
import { decoyHash, verifyPassword } from '../../../core/passwords.ts';
import { currentPolicy } from '../../security/index.ts';
import { findUserByUsername, updateUserRow, type UserRow } from '../../users/index.ts';
import { loadActor, presentMe } from '../actor.ts';
import { insertSession } from '../sessions.repo.ts';
import { checkPasswordUnderLockout } from './check-password.ts';
import { newSessionToken } from '../tokens.ts';
import { secondFactorChallenge } from '../second-factor/challenge.ts';

export function passwordExpiredUnder(policy: SecurityPolicy, now = new Date()) {
  return (changedAt: Date | null): boolean => policy.passwordMaxAgeDays > 0 && changedAt !== null && now.getTime() - changedAt.getTime() > policy.passwordMaxAgeDays * 86_400_000;
}

/** The request's context, with the would-be user as the actor so the audit row names them. */
function asAttempt(ctx: Ctx, username: string, user: UserRow | undefined): Ctx {
  return {
    ...ctx,
    actor: { ...ctx.actor, type: 'user', userId: user?.id ?? null, username, name: user?.name ?? '未知用户' },
  };
}

/**
 * Checks credentials under the lockout policy. Failures are committed (counter, lock, audit)
 * before the error is thrown, so a rejected attempt still counts.
 */
export async function login({ ctx, input, userAgent }: { ctx: Ctx; input: LoginInput; userAgent: string | null }): Promise<{ token: string; me: Me } | SecondFactorChallenge> {
  const policy = await currentPolicy(ctx.db);
  const user = await findUserByUsername(ctx.db, input.username);
  const attempt = asAttempt(ctx, input.username, user);
  const fail = async (reason: string, extra?: (tx: Parameters<Parameters<Ctx['db']['transaction']>[0]>[0]) => Promise<void>) => {
    await ctx.db.transaction(async (tx) => {
      await extra?.(tx);
      await writeAudit(tx, attempt, {
        action: 'auth.login_failed',
        targetType: 'user',
        targetId: user?.id ?? null,
        orgId: user?.orgId ?? null,
        after: { username: input.username, reason },
      });
    });
  };

  if (!user) {
    await verifyPassword(await decoyHash(), input.password);
    await fail('用户不存在');
    throw new AppError('INVALID_CREDENTIALS');
  }
  // Lock check, verify and counting happen under the account's row lock (see check-password.ts).
  const checked = await checkPasswordUnderLockout(attempt, user.id, input.password, policy);
  if (checked.outcome === 'locked') {
    throw new AppError('ACCOUNT_LOCKED', lockedMessage(checked.lockedUntil), { lockedUntil: checked.lockedUntil?.toISOString() });
  }
  if (checked.outcome === 'wrong') {
    if (checked.lockedUntil) {
      throw new AppError('ACCOUNT_LOCKED', `连续 ${policy.maxFailedLogins} 次密码错误，${lockedMessage(checked.lockedUntil)}`, {
        lockedUntil: checked.lockedUntil.toISOString(),
      });
    }
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.status !== 'active') {
    await fail(user.status === 'pending' ? '账号待启用' : '账号已停用');
    throw new AppError('ACCOUNT_INACTIVE', user.status === 'pending' ? '账号尚未启用，请联系安全管理员启用' : '账号已停用，请联系管理员');
  }
  // Second factor: an enrolled user gets a short-lived challenge, not a session (second-factor-login.ts).
  if (user.totpEnabledAt) return secondFactorChallenge(ctx.config.auditKey, user.id);

  const { token, id } = newSessionToken();
  await ctx.db.transaction(async (tx) => {
    // The counter was reset under the row lock; clearing lockedUntil here could undo a lock set since.
    await updateUserRow(tx, user.id, { lastLoginAt: new Date() });
    await insertSession(tx, { id, userId: user.id, ip: ctx.ip, userAgent: userAgent?.slice(0, 300) ?? null });
    await writeAudit(tx, attempt, { action: 'auth.login', targetType: 'user', targetId: user.id, orgId: user.orgId });
  });
  const actor = await loadActor(ctx.db, user.id, passwordExpiredUnder(policy), policy);
  if (!actor) throw new AppError('INVALID_CREDENTIALS');
  return { token, me: presentMe(actor) };
}

export function lockedMessage(until: Date | null): string {
  if (!until) return '账号已锁定';
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return `账号已锁定，请 ${minutes} 分钟后再试或联系安全管理员解锁`;
}
