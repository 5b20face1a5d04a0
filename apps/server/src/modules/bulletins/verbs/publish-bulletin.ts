import type { Bulletin } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import { chineseDateTime } from '../../../core/china-time/index.ts';
import type { Ctx } from '../../../core/context.ts';
import { conflict, invalidState } from '../../../core/errors.ts';
import { notify } from '../../notifications/index.ts';
import { updateBulletinIf } from '../bulletins.repo.ts';
import { audience } from './bulletin-audience.ts';
import { getBulletin } from './get-bulletin.ts';
import { loadBulletin } from './load-bulletin.ts';

/** 发布征求意见: the window opens now for `appealDays` days; the units are told. */
export async function publishBulletin({ ctx, id, version }: { ctx: Ctx; id: string; version: number }): Promise<Bulletin> {
  const { row } = await loadBulletin(ctx, id);
  if (row.status !== 'draft') throw invalidState(row.status === 'final' ? '通报已定稿' : '通报已发布征求意见');
  const now = new Date();
  const appealUntil = new Date(now.getTime() + row.appealDays * 86_400_000);
  const who = await audience(ctx, row);
  await ctx.db.transaction(async (tx) => {
    if (!(await updateBulletinIf(tx, id, { version, statuses: ['draft'] }, { status: 'appeal', publishedAt: now, appealUntil }))) throw conflict('通报已被他人修改，请刷新后再发布');
    await writeAudit(tx, ctx, { action: 'bulletin.publish', targetType: 'bulletin', targetId: id, orgId: row.orgId, after: { appealUntil: appealUntil.toISOString(), appealDays: row.appealDays } });
    await notify({
      tx,
      ctx,
      ...who,
      kind: 'bulletin.appeal_open',
      title: `《${row.title}》征求意见`,
      body: `${row.orgName}起草了《${row.title}》，请核对本单位数据；如有异议，请于${chineseDateTime(appealUntil)}前在系统中提出。`,
      link: '/bulletins/open',
      dedupeKey: `bulletin-open:${id}`,
    });
  });
  return getBulletin({ ctx, id });
}
