import type { SecurityPolicy } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { verifyPassword } from '../../../core/passwords.ts';
import { isLocked, lockUserForLogin, updateUserRow, type UserRow } from '../../users/index.ts';

export type PasswordVerdict = { outcome: 'ok'; user: UserRow } | { outcome: 'locked'; lockedUntil: Date | null } | { outcome: 'wrong'; lockedUntil: Date | null };

/**
 * Checks one password against the lockout policy with the account's row locked from the lock
 * check to the counter update. Attempts on one account therefore run one after another, on any
 * number of instances: a burst cannot have more than `maxFailedLogins` wrong passwords verified
 * before the lock, and a right password that comes after the lock stays out. The row lock is held
 * only while one argon2 verify runs (~10 ms); the per-username rate limit bounds the queue.
 *
 * `attempt` is the request's context with the would-be user as actor (the audit rows name them).
 */
export async function checkPasswordUnderLockout(attempt: Ctx, userId: string, password: string, policy: SecurityPolicy): Promise<PasswordVerdict> {
  return attempt.db.transaction(async (tx): Promise<PasswordVerdict> => {
    const user = await lockUserForLogin(tx, userId);
    const failed = (reason: string) =>
      writeAudit(tx, attempt, {
        action: 'auth.login_failed',
        targetType: 'user',
        targetId: userId,
        orgId: user?.orgId ?? null,
        after: { username: attempt.actor.username, reason },
      });
    if (!user) {
      await failed('用户不存在');
      return { outcome: 'wrong', lockedUntil: null };
    }
    if (isLocked(user)) {
      await failed('账号锁定中');
      return { outcome: 'locked', lockedUntil: user.lockedUntil };
    }
    if (await verifyPassword(user.passwordHash, password)) {
      // The password step passed: the run of failures is over. An expired lock is cleared too.
      if (user.failedLogins !== 0 || user.lockedUntil !== null) await updateUserRow(tx, user.id, { failedLogins: 0, lockedUntil: null });
      return { outcome: 'ok', user };
    }
    await failed('密码错误');
    const failures = user.failedLogins + 1;
    if (failures < policy.maxFailedLogins) {
      await updateUserRow(tx, user.id, { failedLogins: failures });
      return { outcome: 'wrong', lockedUntil: null };
    }
    const lockedUntil = new Date(Date.now() + policy.lockMinutes * 60_000);
    await updateUserRow(tx, user.id, { lockedUntil, failedLogins: 0 });
    await writeAudit(tx, attempt, {
      action: 'auth.lock',
      targetType: 'user',
      targetId: user.id,
      orgId: user.orgId,
      after: { lockedUntil, failures },
    });
    return { outcome: 'wrong', lockedUntil };
  });
}
