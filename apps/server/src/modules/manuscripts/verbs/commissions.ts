import type { Commission, CreateCommissionInput } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { notFound, validationError } from '../../../core/errors.ts';
import { pathInScope, requirePermission, requireAnyPermission, requireOrgInScope } from '../../../core/scope.ts';
import { notify, usersWithRoleAt } from '../../notifications/index.ts';
import { chineseDateTime } from '../../../core/china-time/index.ts';
import { findOrgsByIds } from '../../orgs/index.ts';
import { findCommissionFor, insertCommission, listCommissions, missedTargets, targetsOf, updateCommission, type CommissionRow } from '../commissions.repo.ts';
import { READ_PERMISSIONS } from '../manuscripts.policy.ts';

async function present(db: Executor, rows: CommissionRow[], now = new Date()): Promise<Commission[]> {
  const targets = await targetsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((c) => ({
    id: c.id,
    orgId: c.orgId,
    orgName: c.orgName,
    topic: c.topic,
    description: c.description,
    dueAt: c.dueAt.toISOString(),
    status: c.status === 'closed' ? 'closed' : 'open',
    createdByName: c.createdByName,
    createdAt: c.createdAt.toISOString(),
    targets: targets
      .filter((t) => t.commissionId === c.id)
      .map((t) => ({
        orgId: t.orgId,
        orgName: t.orgName,
        manuscriptCount: t.manuscriptCount,
        firstSubmittedAt: t.firstSubmittedAt?.toISOString() ?? null,
        missed: c.dueAt < now && (t.firstSubmittedAt === null || t.firstSubmittedAt > c.dueAt),
      })),
  }));
}

/** 约稿: the editor asks units in their scope for pieces on a topic by a date; the units' reporters are told. */
export async function createCommission({ ctx, input }: { ctx: Ctx; input: CreateCommissionInput }): Promise<Commission> {
  const scope = requirePermission(ctx.actor, 'manuscript.manage');
  const dueAt = new Date(input.dueAt);
  if (dueAt.getTime() <= Date.now()) throw validationError([{ path: 'dueAt', message: '截止时间应晚于当前时间' }]);
  return ctx.db.transaction(async (tx) => {
    const org = await requireOrgInScope(tx, scope, input.orgId, '发起单位');
    const targetIds = [...new Set(input.targetOrgIds)];
    const targets = await findOrgsByIds(tx, targetIds);
    if (targets.length !== targetIds.length || targets.some((t) => !pathInScope(scope, t.path))) throw notFound('约稿单位');
    const id = await insertCommission(tx, { orgId: org.id, topic: input.topic, description: input.description, dueAt, createdBy: ctx.actor.userId, createdByName: ctx.actor.name }, targetIds);
    const reporters = await usersWithRoleAt(tx, targetIds, ['reporter', 'chief_reporter']);
    await notify({
      tx,
      ctx,
      userIds: reporters,
      kind: 'commission.issued',
      title: `约稿：${input.topic}`,
      body: `${org.name}约稿，请于 ${chineseDateTime(dueAt)} 前报送。${input.description}`,
      link: `/commissions/${id}`,
    });
    await writeAudit(tx, ctx, { action: 'commission.create', targetType: 'commission', targetId: id, orgId: org.id, after: { topic: input.topic, dueAt, targets: targetIds } });
    const row = await findCommissionFor(tx, scope, id);
    if (!row) throw notFound('约稿');
    return (await present(tx, [row]))[0] as Commission;
  });
}

export async function listCommissionsFor({ ctx, input }: { ctx: Ctx; input: { status?: 'open' | 'closed' | undefined; page: number; pageSize: number } }) {
  const scope = requireAnyPermission(ctx.actor, READ_PERMISSIONS);
  const { rows, total } = await listCommissions(ctx.db, scope, input);
  return { items: await present(ctx.db, rows), total };
}

export async function getCommission({ ctx, id }: { ctx: Ctx; id: string }): Promise<Commission> {
  const scope = requireAnyPermission(ctx.actor, READ_PERMISSIONS);
  const row = await findCommissionFor(ctx.db, scope, id);
  if (!row) throw notFound('约稿');
  return (await present(ctx.db, [row]))[0] as Commission;
}

export async function setCommissionStatus({ ctx, id, status }: { ctx: Ctx; id: string; status: 'open' | 'closed' }): Promise<Commission> {
  const scope = requirePermission(ctx.actor, 'manuscript.manage');
  return ctx.db.transaction(async (tx) => {
    const row = await findCommissionFor(tx, scope, id);
    const [org] = row ? await findOrgsByIds(tx, [row.orgId]) : [];
    // Visible through a target is not enough to change it: the issuing office must be in scope.
    if (!row || !org || !pathInScope(scope, org.path)) throw notFound('约稿');
    await updateCommission(tx, id, { status });
    await writeAudit(tx, ctx, { action: 'commission.update', targetType: 'commission', targetId: id, orgId: row.orgId, before: { status: row.status }, after: { status } });
    const fresh = await findCommissionFor(tx, scope, id);
    if (!fresh) throw notFound('约稿');
    return (await present(tx, [fresh]))[0] as Commission;
  });
}

/** Requests past due that a unit did not answer in time, per unit (the scoring issue penalises them). */
export async function missedCommissions({ ctx, orgId }: { ctx: Ctx; orgId?: string | undefined }) {
  const scope = requireAnyPermission(ctx.actor, READ_PERMISSIONS);
  const subtree = (await requireOrgInScope(ctx.db, scope, orgId))?.path;
  const rows = await missedTargets(ctx.db, scope, subtree);
  return {
    items: rows.map((r) => ({ commissionId: r.commission_id, topic: r.topic, dueAt: new Date(r.due_at).toISOString(), orgId: r.org_id, orgName: r.org_name })),
  };
}
