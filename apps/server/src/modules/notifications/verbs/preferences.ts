import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS, type PreferencesOutput } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { AppError } from '../../../core/errors.ts';
import { preferencesOf, recipientUsers, upsertPreferences } from '../deliveries.repo.ts';

function ownerOf(ctx: Ctx): string {
  if (ctx.actor.type !== 'user' || !ctx.actor.userId) throw new AppError('UNAUTHORIZED');
  return ctx.actor.userId;
}

/** Every kind with the person's choice or the default (inbox on, mail off). */
export async function getPreferences({ ctx }: { ctx: Ctx }): Promise<PreferencesOutput> {
  const userId = ownerOf(ctx);
  const [rows, me] = await Promise.all([preferencesOf(ctx.db, userId), recipientUsers(ctx.db, [userId])]);
  const chosen = new Map(rows.map((r) => [`${r.kind}:${r.channel}`, r.enabled]));
  return {
    email: me[0]?.email ?? null,
    items: NOTIFICATION_KINDS.filter((k) => k !== 'channel.test').map((kind) => ({
      kind,
      label: NOTIFICATION_KIND_LABELS[kind],
      inapp: chosen.get(`${kind}:inapp`) ?? true,
      email: chosen.get(`${kind}:email`) ?? false,
    })),
  };
}

/**
 * One's own choices, like read marks: personal state rather than a change to anything shared,
 * so not audited.
 */
export async function savePreferences({ ctx, input }: { ctx: Ctx; input: { items: Array<{ kind: string; inapp: boolean; email: boolean }> } }): Promise<PreferencesOutput> {
  const userId = ownerOf(ctx);
  await ctx.db.transaction((tx) =>
    upsertPreferences(
      tx,
      input.items.flatMap((i) => [
        { userId, kind: i.kind, channel: 'inapp', enabled: i.inapp },
        { userId, kind: i.kind, channel: 'email', enabled: i.email },
      ]),
    ),
  );
  return getPreferences({ ctx });
}
