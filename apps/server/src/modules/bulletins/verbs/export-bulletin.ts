import type { Ctx } from '../../../core/context.ts';
import { renderBulletinDocx, renderBulletinXlsx } from '../bulletin-docx.ts';
import { contentOf, periodLabel } from '../bulletins.presenter.ts';
import { readableBulletin } from './load-bulletin.ts';

export async function bulletinDocx({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ body: Buffer; name: string }> {
  const row = await readableBulletin(ctx, id);
  const c = contentOf(row);
  return { body: await renderBulletinDocx(c, `${periodLabel(row.grain, row.period)}宣传信息报送采用情况排名表`), name: c.title };
}

export async function bulletinXlsx({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ body: Buffer; name: string }> {
  const row = await readableBulletin(ctx, id);
  return { body: await renderBulletinXlsx(contentOf(row)), name: `${periodLabel(row.grain, row.period)}宣传信息报送采用情况排名表` };
}
