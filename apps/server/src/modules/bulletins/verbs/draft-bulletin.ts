import type { Bulletin, CreateBulletinInput } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import { chinaDate } from '../../../core/china-time/index.ts';
import type { Ctx } from '../../../core/context.ts';
import { requireOrgInScope, requirePermission } from '../../../core/scope.ts';
import { issuingProfile } from '../../document-numbers/index.ts';
import { periodLabel } from '../../statistics/index.ts';
import { defaultTitle } from '../bulletins.presenter.ts';
import { insertBulletin } from '../bulletins.repo.ts';
import { defaultText } from '../narrative.ts';
import { statisticsFor } from './bulletin-statistics.ts';
import { getBulletin } from './get-bulletin.ts';
import { MANAGE } from './load-bulletin.ts';

/** 一键起草: numbers from the statistics, a narrative written from them, the office as 署名. */
export async function draftBulletin({ ctx, input }: { ctx: Ctx; input: CreateBulletinInput }): Promise<Bulletin> {
  const scope = requirePermission(ctx.actor, MANAGE);
  const org = await requireOrgInScope(ctx.db, scope, input.orgId);
  const numbers = await statisticsFor(ctx, org, input.grain, input.period, input.commendTop);
  const label = periodLabel(input.grain, input.period);
  // 署名 is the 发文机关 of the masthead the office has set (its own name until it sets one).
  const { issuer } = await issuingProfile(ctx.db, org, 'bulletin');
  const id = await ctx.db.transaction(async (tx) => {
    const id = await insertBulletin(tx, {
      orgId: org.id,
      grain: input.grain,
      period: input.period,
      title: defaultTitle(input.grain, input.period),
      commendTop: input.commendTop,
      appealDays: input.appealDays,
      text: defaultText(label, org.name, numbers),
      numbers,
      signer: issuer,
      issuedOn: chinaDate(),
      createdByName: ctx.actor.name,
    });
    await writeAudit(tx, ctx, { action: 'bulletin.draft', targetType: 'bulletin', targetId: id, orgId: org.id, after: { grain: input.grain, period: input.period, totals: numbers.totals } });
    return id;
  });
  return getBulletin({ ctx, id });
}
