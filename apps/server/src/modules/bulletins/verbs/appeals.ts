import type { BulletinAppeal, CreateAppealInput } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { invalidState, notFound, validationError } from '../../../core/errors.ts';
import { pathInScope, requirePermission } from '../../../core/scope.ts';
import { findOrgById } from '../../orgs/index.ts';
import { answerAppealRow, appealsOf, insertAppeal, listVisibleToUnits, lockBulletin } from '../bulletins.repo.ts';
import { presentAppeal } from '../bulletins.presenter.ts';
import { loadBulletin } from './load-bulletin.ts';
import { chineseDateTime } from '../../../core/china-time/index.ts';

/**
 * 提出异议: a unit inside the bulletin's subtree and inside the actor's reach, while the window
 * is open. The bulletin row is locked so the check and the insert see the same state as 定稿.
 */
export async function createAppeal({ ctx, bulletinId, input }: { ctx: Ctx; bulletinId: string; input: CreateAppealInput }): Promise<BulletinAppeal> {
  const scope = requirePermission(ctx.actor, 'bulletin.appeal');
  const row = (await listVisibleToUnits(ctx.db, scope, bulletinId))[0];
  if (!row) throw notFound('通报');
  const org = await findOrgById(ctx.db, input.orgId);
  if (!org || !pathInScope(scope, org.path) || !org.path.startsWith(row.orgPath)) {
    throw validationError([{ path: 'orgId', message: '只能以本单位名义对覆盖本单位的通报提出异议' }]);
  }
  return ctx.db.transaction(async (tx) => {
    const now = new Date();
    const locked = await lockBulletin(tx, bulletinId);
    if (!locked || locked.status === 'final') throw invalidState('通报已定稿，不能再提出异议');
    if (!locked.appealUntil || locked.appealUntil.getTime() <= now.getTime()) {
      throw invalidState(`征求意见期已于${locked.appealUntil ? chineseDateTime(locked.appealUntil) : ''}结束，不能再提出异议`);
    }
    const id = await insertAppeal(tx, { bulletinId, orgId: org.id, reason: input.reason, createdById: ctx.actor.userId, createdByName: ctx.actor.name });
    await writeAudit(tx, ctx, { action: 'bulletin.appeal', targetType: 'bulletin', targetId: bulletinId, orgId: org.id, after: { appealId: id, org: org.name, reason: input.reason } });
    const a = (await appealsOf(tx, bulletinId)).find((x) => x.id === id);
    if (!a) throw notFound('异议');
    return presentAppeal(a);
  });
}

/** 答复: the editor answers (or re-answers) an appeal until the bulletin is final. */
export async function answerAppeal({ ctx, bulletinId, appealId, answer }: { ctx: Ctx; bulletinId: string; appealId: string; answer: string }): Promise<BulletinAppeal> {
  const { row } = await loadBulletin(ctx, bulletinId);
  return ctx.db.transaction(async (tx) => {
    const locked = await lockBulletin(tx, row.id);
    if (!locked || locked.status === 'final') throw invalidState('通报已定稿，不能再答复异议');
    const before = (await appealsOf(tx, row.id)).find((a) => a.id === appealId);
    if (!before) throw notFound('异议');
    const a = await answerAppealRow(tx, row.id, appealId, { answer, answeredByName: ctx.actor.name });
    if (!a) throw notFound('异议');
    await writeAudit(tx, ctx, { action: 'bulletin.answer', targetType: 'bulletin', targetId: row.id, orgId: a.orgId, before: { appealId, answer: before.answer }, after: { appealId, answer } });
    return presentAppeal(a);
  });
}
