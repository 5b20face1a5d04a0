import type { Ctx } from '../../../core/context.ts';
import { periodLabel } from '../../statistics/index.ts';
import { renderBulletinDocx, renderBulletinXlsx } from '../bulletin-docx.ts';
import { contentOf } from '../bulletins.presenter.ts';
import { readableBulletin } from './load-bulletin.ts';

const annexName = (row: { grain: string; period: string }) => `${periodLabel(row.grain, row.period)}宣传信息报送采用情况排名表`;

export async function bulletinDocx({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ body: Buffer; name: string }> {
  const row = await readableBulletin(ctx, id);
  const c = contentOf(row);
  return { body: await renderBulletinDocx(c, annexName(row)), name: c.title };
}

export async function bulletinXlsx({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ body: Buffer; name: string }> {
  const row = await readableBulletin(ctx, id);
  const name = annexName(row);
  return { body: await renderBulletinXlsx(contentOf(row), { title: name, issuer: row.orgName }), name };
}
