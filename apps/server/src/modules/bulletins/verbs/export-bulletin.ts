import type { Ctx } from '../../../core/context.ts';
import { issuingProfile } from '../../document-numbers/index.ts';
import { periodLabel } from '../../statistics/index.ts';
import { renderBulletinDocx, renderBulletinXlsx } from '../bulletin-docx.ts';
import { contentOf } from '../bulletins.presenter.ts';
import { readableBulletin } from './load-bulletin.ts';

const annexName = (row: { grain: string; period: string }) => `${periodLabel(row.grain, row.period)}宣传信息报送采用情况排名表`;

export async function bulletinDocx({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ body: Buffer; name: string }> {
  const row = await readableBulletin(ctx, id);
  const c = contentOf(row);
  // A final bulletin prints what was issued; a draft prints with the office's current settings.
  const profile = c.issuing ?? (await issuingProfile(ctx.db, { id: row.orgId, name: row.orgName }, 'bulletin'));
  const final = row.status === 'final';
  const name = final && c.documentNumber ? `${c.title}（${c.documentNumber}）` : final ? c.title : `${c.title}（征求意见稿）`;
  return { body: await renderBulletinDocx(c, annexName(row), { profile, number: c.documentNumber, final }), name };
}

export async function bulletinXlsx({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ body: Buffer; name: string }> {
  const row = await readableBulletin(ctx, id);
  const name = annexName(row);
  return { body: await renderBulletinXlsx(contentOf(row), { title: name, issuer: row.orgName }), name };
}
