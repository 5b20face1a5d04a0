import type { Notification, NotificationKind } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { AppError, notFound } from '../../../core/errors.ts';
import { countUnreadOf, listNotificationsOf, markAllReadOf, markOneRead, type NotificationRow } from '../notifications.repo.ts';

/** Everyone signed in has an inbox; no role is needed, and only one's own rows are reachable. */
function ownerOf(ctx: Ctx): string {
  if (ctx.actor.type !== 'user' || !ctx.actor.userId) throw new AppError('UNAUTHORIZED');
  return ctx.actor.userId;
}

export function presentNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    title: row.title,
    body: row.body,
    link: row.link,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listNotifications({ ctx, input }: { ctx: Ctx; input: { unreadOnly?: 'true' | 'false' | undefined; page: number; pageSize: number } }) {
  const userId = ownerOf(ctx);
  const { rows, total, unread } = await listNotificationsOf(ctx.db, userId, { ...input, unreadOnly: input.unreadOnly === 'true' });
  return { items: rows.map(presentNotification), total, unread };
}

export async function unreadCount({ ctx }: { ctx: Ctx }): Promise<{ count: number }> {
  return { count: await countUnreadOf(ctx.db, ownerOf(ctx)) };
}

/**
 * Read marks are the reader's own inbox state, not a change to anything shared, so they are not
 * audited (the audit log records acts on manuscripts, people and settings).
 */
export async function markRead({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ updated: number }> {
  const result = await markOneRead(ctx.db, ownerOf(ctx), id);
  if (result === 'missing') throw notFound('通知');
  return { updated: 1 };
}

export async function markAllRead({ ctx }: { ctx: Ctx }): Promise<{ updated: number }> {
  return { updated: await markAllReadOf(ctx.db, ownerOf(ctx)) };
}
