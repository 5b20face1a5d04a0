import type { NotificationKind } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import type { Ctx } from '../../../core/context.ts';
import { insertNotifications } from '../notifications.repo.ts';

export interface NotifyInput {
  tx: Executor;
  ctx: Ctx;
  userIds: ReadonlyArray<string | null | undefined>;
  kind: NotificationKind;
  title: string;
  body?: string;
  /** An in-app path, e.g. /manuscripts/<id>. */
  link?: string | null;
  /** Same key for the same user → one notification, so a retried job never repeats itself. */
  dedupeKey?: string | null;
}

/**
 * Puts a message in each recipient's inbox inside the caller's transaction, so it exists
 * exactly when the change it reports does. The one entry point for every channel: email and
 * robot webhooks are to be added behind it, keyed on `kind`.
 */
export async function notify({ tx, ctx, userIds, kind, title, body = '', link = null, dedupeKey = null }: NotifyInput): Promise<number> {
  // Nobody is told about their own act.
  const recipients = [...new Set(userIds.filter((u): u is string => typeof u === 'string' && u !== ctx.actor.userId))];
  return insertNotifications(
    tx,
    recipients.map((userId) => ({ userId, kind, title: title.slice(0, 200), body: body.slice(0, 1000), link, dedupeKey })),
  );
}
