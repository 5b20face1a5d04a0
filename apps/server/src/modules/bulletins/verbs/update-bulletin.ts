import type { Bulletin, BulletinText, UpdateBulletinInput } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { conflict, invalidState } from '../../../core/errors.ts';
import { updateBulletinIf } from '../bulletins.repo.ts';
import { getBulletin } from './get-bulletin.ts';
import { loadBulletin } from './load-bulletin.ts';

/** 修改: title, narrative, 署名, 成文日期 while not final; the window length only before publishing. */
export async function updateBulletin({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateBulletinInput }): Promise<Bulletin> {
  const { row, out: before } = await loadBulletin(ctx, id);
  if (row.status === 'final') throw invalidState('通报已定稿，不能再修改');
  if (row.status !== 'draft' && (input.appealDays !== undefined || input.commendTop !== undefined)) throw invalidState('已发布征求意见，不能再修改征求意见期或表扬单位数');
  const text: BulletinText = { ...(row.text as BulletinText), ...(input.text ?? {}) };
  await ctx.db.transaction(async (tx) => {
    const set = {
      text,
      ...(input.title ? { title: input.title } : {}),
      ...(input.signer ? { signer: input.signer } : {}),
      ...(input.issuedOn ? { issuedOn: input.issuedOn } : {}),
      ...(input.appealDays !== undefined ? { appealDays: input.appealDays } : {}),
      ...(input.commendTop !== undefined ? { commendTop: input.commendTop } : {}),
    };
    if (!(await updateBulletinIf(tx, id, { version: input.version, statuses: ['draft', 'appeal'] }, set))) throw conflict('通报已被他人修改或已定稿，请刷新后再编辑');
    await writeAudit(tx, ctx, {
      action: 'bulletin.update',
      targetType: 'bulletin',
      targetId: id,
      orgId: row.orgId,
      before: { title: before.title, text: before.text, signer: before.signer, issuedOn: before.issuedOn },
      after: set,
    });
  });
  return getBulletin({ ctx, id });
}
