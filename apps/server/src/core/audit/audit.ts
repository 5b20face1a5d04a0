import type { AuditAction } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import type { Ctx } from '../context.ts';
import { GENESIS_HASH, chainHash, toPlainJson } from './chain.ts';
import { insertAudit, lastHash, lockChain, readChainPage } from './audit.repo.ts';

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
  await insertAudit(tx, { ...fields, prevHash, hash: chainHash(ctx.config.auditKey, prevHash, fields) });
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  message: string;
}

/** Walks the whole chain in id order, recomputing every link. */
export async function verifyAuditChain(db: Executor, key: Buffer): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const page = await readChainPage(db, afterId, 1000);
    if (page.length === 0) break;
    for (const row of page) {
      const expected = chainHash(key, prev, row);
      if (row.prevHash !== prev || row.hash !== expected) {
        return {
          ok: false,
          checked,
          firstBrokenId: row.id,
          message: `审计日志第 ${row.id} 条记录被篡改、删除或调换顺序（已校验 ${checked} 条）`,
        };
      }
      prev = row.hash;
      afterId = row.id;
      checked++;
    }
  }
  return { ok: true, checked, firstBrokenId: null, message: `审计日志完整，共校验 ${checked} 条记录` };
}
