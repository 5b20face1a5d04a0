import type { Alert, AlertDelivery, AlertListQuery } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx, Services } from '../../../core/context.ts';
import { conflict, invalidState, notFound } from '../../../core/errors.ts';
import { requirePermission } from '../../../core/scope.ts';
import { findTopicInScope } from '../../topics/index.ts';
import { acknowledgeAlertRow, findAlertInScope, inboxOf, listAlertsInScope, markDeliveryRead, releaseHeld } from '../alerts.repo.ts';
import { presentAlert } from '../alerts.presenter.ts';

export async function listAlerts({ ctx, input }: { ctx: Ctx; input: AlertListQuery }): Promise<{ items: Alert[]; total: number }> {
  const scope = requirePermission(ctx.actor, 'opinion.read');
  if (input.topicId && !(await findTopicInScope(ctx.db, scope, input.topicId))) throw notFound('监测专题');
  const { rows, total } = await listAlertsInScope(ctx.db, scope, input);
  return { items: rows.map(presentAlert), total };
}

export async function getAlert({ ctx, id }: { ctx: Ctx; id: string }): Promise<Alert> {
  const scope = requirePermission(ctx.actor, 'opinion.read');
  const row = await findAlertInScope(ctx.db, scope, id);
  if (!row) throw notFound('预警');
  return presentAlert(row);
}

/** 已处理: one person takes the alert; a second at the same moment gets 409. */
export async function acknowledgeAlert({ ctx, id }: { ctx: Ctx; id: string }): Promise<Alert> {
  const scope = requirePermission(ctx.actor, 'opinion.monitor');
  return ctx.db.transaction(async (tx) => {
    const row = await findAlertInScope(tx, scope, id);
    if (!row) throw notFound('预警');
    if (row.status !== 'open') throw invalidState('该预警已处理');
    const updated = await acknowledgeAlertRow(tx, row.id, { id: ctx.actor.userId, name: ctx.actor.name });
    if (!updated) throw conflict();
    await writeAudit(tx, ctx, { action: 'alert.ack', targetType: 'opinion_alert', targetId: row.id, orgId: row.orgId, before: { status: 'open' }, after: { status: 'acknowledged' } });
    return presentAlert({ ...updated, topicName: row.topicName });
  });
}

/** My in-app alerts. Only the person's own rows, so no scope filter beyond that. */
export async function myInbox({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { unread?: 'true' | 'false' | undefined; page: number; pageSize: number };
}): Promise<{ items: AlertDelivery[]; total: number; unread: number }> {
  requirePermission(ctx.actor, 'opinion.read');
  const userId = ctx.actor.userId;
  if (!userId) return { items: [], total: 0, unread: 0 };
  const { rows, total, unread } = await inboxOf(ctx.db, userId, { unread: input.unread === 'true', page: input.page, pageSize: input.pageSize });
  return {
    items: rows.map((r) => ({
      id: r.delivery.id,
      alert: presentAlert({ ...r.alert, topicName: r.topicName }),
      deliveredAt: (r.delivery.deliveredAt ?? r.delivery.deliverAt).toISOString(),
      readAt: r.delivery.readAt?.toISOString() ?? null,
    })),
    total,
    unread,
  };
}

export async function readDelivery({ ctx, id }: { ctx: Ctx; id: string }): Promise<void> {
  requirePermission(ctx.actor, 'opinion.read');
  if (!ctx.actor.userId || !(await markDeliveryRead(ctx.db, ctx.actor.userId, id))) throw notFound('消息');
}

export const RELEASE_HELD_ALERTS_JOB = 'opinion.release-held-alerts';

/** Scheduled: alerts held during quiet hours appear in the inbox once the hours end. */
export async function releaseHeldAlerts(services: Services, now = new Date()): Promise<number> {
  return services.db.transaction((tx) => releaseHeld(tx, now));
}
