import { MANUSCRIPT_STATUSES, type ManuscriptStatus, type UrgentChain } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import type { Scope } from '../../../core/scope.ts';
import { findCategory } from '../../dictionaries/index.ts';
import { editorsCovering, notify } from '../../notifications/index.ts';
import { chineseDateTime } from '../../../core/china-time/index.ts';
import { reviewersAt } from '../../reviews/index.ts';
import { listChainHeads, markEscalated, membersOfChains, type ManuscriptRecord } from '../manuscripts.repo.ts';
import { READ_PERMISSIONS } from '../manuscripts.policy.ts';
import { pathIds, requireAnyPermission } from '../../../core/scope.ts';

type Head = ManuscriptRecord & { orgName: string; orgPath: string };

interface Overdue {
  /** Identifies what is late, so each lateness is escalated once. */
  stage: string;
  reason: string;
}

/**
 * A chain is late when its 首报 was not submitted by the deadline (event time + N minutes), or
 * when, still open, no report has followed the last one within the category's follow-up hours.
 */
export function overdueOf(head: Head, members: ManuscriptRecord[], followUpHours: number, now = new Date()): Overdue | null {
  if (head.chainClosedAt) return null;
  if (!head.firstSubmittedAt) {
    if (head.deadlineAt && head.deadlineAt < now) {
      return { stage: 'first', reason: `首报超时：事件发生于 ${head.eventAt ? chineseDateTime(head.eventAt) : '（未填）'}，应于 ${chineseDateTime(head.deadlineAt)} 前报送` };
    }
    return null;
  }
  const last = Math.max(...members.map((m) => m.firstSubmittedAt?.getTime() ?? 0), head.firstSubmittedAt.getTime());
  if (last + followUpHours * 3_600_000 < now.getTime()) {
    return { stage: `follow:${new Date(last).toISOString()}`, reason: `续报超时：最近一次报送后已超过 ${followUpHours} 小时，尚未续报或终报` };
  }
  return null;
}

async function followUpHoursOf(db: Executor, heads: Head[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const id of new Set(heads.map((h) => h.categoryId).filter((c): c is string => !!c))) {
    const c = await findCategory(db, id);
    if (c) out.set(id, c.followUpHours);
  }
  return out;
}

async function chains(db: Executor, scope: Scope, openOnly: boolean, now: Date, chainId?: string): Promise<Array<{ head: Head; members: ManuscriptRecord[]; overdue: Overdue | null }>> {
  const heads = await listChainHeads(db, scope, chainId ? { openOnly, chainId } : { openOnly });
  const members = await membersOfChains(
    db,
    heads.map((h) => h.id),
  );
  const hours = await followUpHoursOf(db, heads);
  return heads.map((head) => {
    const own = members.filter((m) => m.chainId === head.id);
    return { head, members: own, overdue: overdueOf(head, own, hours.get(head.categoryId ?? '') ?? 24, now) };
  });
}

function presentChain(ctx: Ctx, { head, members, overdue }: { head: Head; members: ManuscriptRecord[]; overdue: Overdue | null }): UrgentChain {
  return {
    chainId: head.id,
    title: head.title,
    orgId: head.orgId,
    orgName: head.orgName,
    eventAt: head.eventAt?.toISOString() ?? null,
    deadlineAt: head.deadlineAt?.toISOString() ?? null,
    closedAt: head.chainClosedAt?.toISOString() ?? null,
    overdue: overdue !== null,
    overdueReason: overdue?.reason ?? null,
    reports: members
      .filter((m) => m.status !== 'draft' || m.reportKind === 'first' || m.reporterId === ctx.actor.userId)
      .map((m) => ({
        id: m.id,
        kind: m.reportKind === 'final' ? 'final' : m.reportKind === 'follow_up' ? 'follow_up' : 'first',
        seq: m.chainSeq ?? 1,
        title: m.title,
        status: (MANUSCRIPT_STATUSES as readonly string[]).includes(m.status) ? (m.status as ManuscriptStatus) : 'draft',
        submittedAt: m.firstSubmittedAt?.toISOString() ?? null,
      })),
  };
}

/** 突发事件 chains in the actor's scope with their reports in order and whether they are late. */
export async function listUrgentChains({ ctx, openOnly }: { ctx: Ctx; openOnly: boolean }): Promise<UrgentChain[]> {
  const scope = requireAnyPermission(ctx.actor, READ_PERMISSIONS);
  return (await chains(ctx.db, scope, openOnly, new Date())).map((c) => presentChain(ctx, c));
}

/** One chain by its 首报's id, open or closed; outside the actor's scope it does not exist. */
export async function getUrgentChain({ ctx, chainId }: { ctx: Ctx; chainId: string }): Promise<UrgentChain> {
  const scope = requireAnyPermission(ctx.actor, READ_PERMISSIONS);
  const found = (await chains(ctx.db, scope, false, new Date(), chainId))[0];
  if (!found) throw notFound('突发事件');
  return presentChain(ctx, found);
}

/**
 * The scheduled escalation (system actor): each late chain, once per lateness, is brought to
 * the editors over the unit and to the unit's head, in its own transaction.
 */
export async function escalateUrgentChains({ ctx }: { ctx: Ctx }): Promise<number> {
  const now = new Date();
  let sent = 0;
  for (const { head, overdue } of await chains(ctx.db, { all: true }, true, now)) {
    if (!overdue || head.escalatedStage === overdue.stage) continue;
    await ctx.db.transaction(async (tx) => {
      if (!(await markEscalated(tx, head.id, overdue.stage))) return;
      const ids = pathIds(head.orgPath);
      const heads = await reviewersAt(tx, { orgIds: [...ids].reverse(), role: 'reviewer', titleContains: null });
      const nearest = [...ids].reverse().find((id) => heads.some((h) => h.orgId === id));
      const recipients = [...(await editorsCovering(tx, ids)), ...heads.filter((h) => h.orgId === nearest).map((h) => h.id), head.reporterId];
      await notify({
        tx,
        ctx,
        userIds: recipients,
        kind: 'urgent.overdue',
        title: `突发事件报送超时：${head.title}`,
        body: `${head.orgName}：${overdue.reason}`,
        link: `/manuscripts/${head.id}`,
        dedupeKey: `urgent:${head.id}:${overdue.stage}`,
      });
      await writeAudit(tx, ctx, { action: 'manuscript.urgent_escalate', targetType: 'manuscript', targetId: head.id, orgId: head.orgId, after: { stage: overdue.stage, reason: overdue.reason } });
      sent++;
    });
  }
  return sent;
}
