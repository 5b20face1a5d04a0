import type { Bulletin } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import { chineseDateTime } from '../../../core/china-time/index.ts';
import type { Ctx } from '../../../core/context.ts';
import { conflict, invalidState } from '../../../core/errors.ts';
import { assignDocumentNumber } from '../../document-numbers/index.ts';
import { notify } from '../../notifications/index.ts';
import { contentOf, presentAppeal, type BulletinSnapshot } from '../bulletins.presenter.ts';
import { appealsOf, lockBulletin, updateBulletinIf } from '../bulletins.repo.ts';
import { audience } from './bulletin-audience.ts';
import { getBulletin } from './get-bulletin.ts';
import { loadBulletin } from './load-bulletin.ts';

/**
 * 定稿: only after the window has closed and every appeal is answered. The numbers and text are
 * copied into `snapshot` by a conditional update on (version, status = appeal): of two editors
 * finalising at once exactly one succeeds, the other gets 409.
 */
export async function finalizeBulletin({ ctx, id, version }: { ctx: Ctx; id: string; version: number }): Promise<Bulletin> {
  const { row } = await loadBulletin(ctx, id);
  if (row.status === 'final') throw invalidState('通报已定稿');
  if (row.status === 'draft') throw invalidState('通报尚未发布征求意见，不能定稿');
  const now = new Date();
  if (row.appealUntil && row.appealUntil.getTime() > now.getTime()) throw invalidState(`征求意见期至${chineseDateTime(row.appealUntil)}结束，期满后方可定稿`);
  const who = await audience(ctx, row);
  await ctx.db.transaction(async (tx) => {
    await lockBulletin(tx, id);
    const appeals = await appealsOf(tx, id);
    const open = appeals.filter((a) => a.answer === null).length;
    if (open > 0) throw invalidState(`还有${open}条异议未答复，全部答复后方可定稿`);
    const c = contentOf(row);
    // The 发文字号 is taken at 定稿, in this transaction: a refused 定稿 (409 below) issues no number.
    const issued = await assignDocumentNumber(tx, ctx, {
      org: { id: row.orgId, name: row.orgName },
      kind: 'bulletin',
      year: Number(c.issuedOn.slice(0, 4)),
      targetType: 'bulletin',
      targetId: id,
      title: c.title,
    });
    const snapshot: BulletinSnapshot = {
      title: c.title,
      text: c.text,
      numbers: c.numbers,
      signer: c.signer,
      issuedOn: c.issuedOn,
      appeals: appeals.map(presentAppeal),
      finalizedAt: now.toISOString(),
      documentNumber: issued.number,
      issuing: issued.profile,
    };
    if (!(await updateBulletinIf(tx, id, { version, statuses: ['appeal'] }, { status: 'final', snapshot, finalizedAt: now, finalizedByName: ctx.actor.name }))) {
      throw conflict('通报已被他人修改或已定稿，请刷新');
    }
    await writeAudit(tx, ctx, {
      action: 'bulletin.finalize',
      targetType: 'bulletin',
      targetId: id,
      orgId: row.orgId,
      after: { title: c.title, number: issued.number, totals: c.numbers.totals, appeals: appeals.length },
    });
    await notify({
      tx,
      ctx,
      ...who,
      kind: 'bulletin.final',
      title: `《${c.title}》已定稿`,
      body: `${row.orgName}《${c.title}》（${issued.number}）已定稿印发。`,
      link: '/bulletins/open',
      dedupeKey: `bulletin-final:${id}`,
    });
  });
  return getBulletin({ ctx, id });
}
