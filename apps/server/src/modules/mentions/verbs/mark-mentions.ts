import type { MarkMentionInput, MentionDetail } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { forbidden, notFound } from '../../../core/errors.ts';
import { hasPermission, requirePermission } from '../../../core/scope.ts';
import { findMentionInScope, setFlags, setRead, visibleIds } from '../mentions.repo.ts';
import { getMention } from './read-mentions.ts';

/**
 * Read is personal (anyone who may read); irrelevant / important are shared judgements of the
 * monitoring staff and are audited.
 */
export async function markMention({ ctx, id, input }: { ctx: Ctx; id: string; input: MarkMentionInput }): Promise<MentionDetail> {
  const scope = requirePermission(ctx.actor, 'opinion.read');
  const judges = input.irrelevant !== undefined || input.important !== undefined;
  if (judges && !hasPermission(ctx.actor, 'opinion.monitor')) throw forbidden('只有舆情员可以标记无关或重要');
  await ctx.db.transaction(async (tx) => {
    const row = await findMentionInScope(tx, scope, id);
    if (!row) throw notFound('舆情信息');
    if (input.read !== undefined && ctx.actor.userId) await setRead(tx, ctx.actor.userId, [row.id], input.read);
    if (judges) {
      const flags = {
        ...(input.irrelevant !== undefined ? { irrelevant: input.irrelevant } : {}),
        ...(input.important !== undefined ? { important: input.important } : {}),
      };
      await setFlags(tx, row.id, flags, ctx.actor.userId);
      await writeAudit(tx, ctx, {
        action: 'mention.mark',
        targetType: 'opinion_mention',
        targetId: row.id,
        orgId: row.orgId,
        before: { irrelevant: row.irrelevant, important: row.important },
        after: { irrelevant: input.irrelevant ?? row.irrelevant, important: input.important ?? row.important },
      });
    }
  });
  return getMention({ ctx, id });
}

export async function markManyRead({ ctx, ids }: { ctx: Ctx; ids: string[] }): Promise<{ marked: number }> {
  const scope = requirePermission(ctx.actor, 'opinion.read');
  const userId = ctx.actor.userId;
  if (!userId) return { marked: 0 };
  return ctx.db.transaction(async (tx) => {
    const visible = await visibleIds(tx, scope, ids);
    await setRead(tx, userId, visible, true);
    return { marked: visible.length };
  });
}
