import type { Delivery, DeliveryListQuery } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { invalidState, notFound } from '../../../core/errors.ts';
import { requirePermission, requireOrgInScope } from '../../../core/scope.ts';
import { findDeliveryInScope, listDeliveriesInScope, reopenDelivery, type DeliveryRow } from '../deliveries.repo.ts';
import { enqueueDelivery } from './notify.ts';

function presentDelivery(row: DeliveryRow, orgName: string, userName: string | null): Delivery {
  return {
    id: row.id,
    kind: row.kind as Delivery['kind'],
    title: row.title,
    channel: row.channel as Delivery['channel'],
    recipient: userName ?? `${orgName}（群）`,
    orgId: row.orgId,
    orgName,
    target: row.target,
    status: row.status as Delivery['status'],
    attempts: row.attempts,
    lastError: row.lastError,
    sentAt: row.sentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** 发送记录: the deliveries to people and robots of the actor's subtree. */
export async function listDeliveries({ ctx, input }: { ctx: Ctx; input: DeliveryListQuery }): Promise<{ items: Delivery[]; total: number }> {
  const scope = requirePermission(ctx.actor, 'notification.manage');
  await requireOrgInScope(ctx.db, scope, input.orgId);
  const { rows, total } = await listDeliveriesInScope(ctx.db, scope, input);
  return { items: rows.map((r) => presentDelivery(r.delivery, r.orgName, r.userName)), total };
}

/** 重新发送 a failed or abandoned delivery: back to pending, with a new job. */
export async function retryDelivery({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ ok: true }> {
  const scope = requirePermission(ctx.actor, 'notification.manage');
  return ctx.db.transaction(async (tx) => {
    const row = await findDeliveryInScope(tx, scope, id);
    if (!row) throw notFound('发送记录');
    if (row.channel === 'inapp' || row.kind === 'channel.test' || !row.channelId) throw invalidState('这条记录不能重新发送');
    if (!(await reopenDelivery(tx, row.id))) throw invalidState('只有发送失败的记录可以重新发送');
    await enqueueDelivery(tx, ctx, row.id);
    await writeAudit(tx, ctx, {
      action: 'notification_delivery.retry',
      targetType: 'notification_delivery',
      targetId: row.id,
      orgId: row.orgId,
      before: { status: row.status, attempts: row.attempts },
    });
    return { ok: true };
  });
}
