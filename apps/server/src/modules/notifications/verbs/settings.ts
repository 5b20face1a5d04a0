import { DEFAULT_NOTIFICATION_SETTINGS, NotificationSettings } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { forbidden } from '../../../core/errors.ts';
import { requirePermission } from '../../../core/scope.ts';
import { readSettingsValue, writeSettingsValue } from '../channels.repo.ts';

export async function readNotificationSettings(db: Executor): Promise<NotificationSettings> {
  const parsed = NotificationSettings.safeParse(await readSettingsValue(db));
  return parsed.success ? parsed.data : DEFAULT_NOTIFICATION_SETTINGS;
}

export async function getNotificationSettings({ ctx }: { ctx: Ctx }): Promise<NotificationSettings> {
  requirePermission(ctx.actor, 'notification.manage');
  return readNotificationSettings(ctx.db);
}

/** The reminder day and site address are system-wide: only a grant at a root unit may change them. */
export async function updateNotificationSettings({ ctx, input }: { ctx: Ctx; input: NotificationSettings }): Promise<NotificationSettings> {
  const scope = requirePermission(ctx.actor, 'notification.manage');
  if (!scope.all && !scope.paths.some((p) => p.split('/').filter(Boolean).length === 1)) {
    throw forbidden('提醒设置对全系统生效，只有市级（顶层单位）的管理员或宣传办可以修改');
  }
  return ctx.db.transaction(async (tx) => {
    const before = await readNotificationSettings(tx);
    await writeSettingsValue(tx, input);
    await writeAudit(tx, ctx, { action: 'notification_settings.update', targetType: 'settings', targetId: 'notifications', before, after: input });
    return input;
  });
}
