import type { AuditAction } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import type { Ctx } from '../context.ts';
import { auditWriteFailures } from '../metrics.ts';
import { GENESIS_HASH, chainHash, toPlainJson } from './chain.ts';
import { insertAudit, lastHash, lockChain } from './audit.repo.ts';
import { AUDIT_CHECKPOINT_JOB, CHECKPOINT_EVERY_ROWS } from './checkpoint.ts';

export { verifyAuditChain, type ChainVerdict, type VerifyConfig } from './verify.ts';
export { writeCheckpoint, AUDIT_CHECKPOINT_JOB } from './checkpoint.ts';

export interface AuditEvent {
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  orgId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one audit row inside the caller's transaction. Any failure here propagates, so the
 * business change rolls back with it (fail-closed).
 */
export async function writeAudit(tx: Executor, ctx: Ctx, event: AuditEvent): Promise<void> {
  try {
    await appendAudit(tx, ctx, event);
  } catch (err) {
    auditWriteFailures.inc();
    throw err;
  }
}

async function appendAudit(tx: Executor, ctx: Ctx, event: AuditEvent): Promise<void> {
  await lockChain(tx);
  const prevHash = (await lastHash(tx)) ?? GENESIS_HASH;
  const fields = {
    at: new Date(),
    actorId: ctx.actor.userId,
    actorName: ctx.actor.type === 'system' ? '系统' : `${ctx.actor.name}（${ctx.actor.username}）`,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId ?? null,
    orgId: event.orgId ?? null,
    before: toPlainJson(event.before),
    after: toPlainJson(event.after),
    ip: ctx.ip,
    requestId: ctx.requestId,
  };
  const id = await insertAudit(tx, { ...fields, prevHash, hash: chainHash(ctx.config.auditKey, prevHash, fields) });
  // A burst gets a checkpoint every N rows, not only once a minute; the job exists only if this
  // commits. Before the queue has started (the first-start seed writes hundreds of rows) the
  // minute's cron takes the checkpoint instead.
  if (id % CHECKPOINT_EVERY_ROWS === 0 && ctx.jobs.started) {
    await ctx.jobs.send(tx, AUDIT_CHECKPOINT_JOB, {}, { singletonKey: AUDIT_CHECKPOINT_JOB });
  }
}
