import { AUDIT_ACTION_LABELS, type AuditAction, type AuditLog, type AuditLogQuery, type AuditVerifyOutput } from '@xuanlian/contracts';
import ExcelJS from 'exceljs';
import { verifyAuditChain, writeAudit, writeCheckpoint } from '../../core/audit/audit.ts';
import type { Ctx } from '../../core/context.ts';
import { requirePermission, type Scope, requireOrgInScope } from '../../core/scope.ts';
import { listAudit, type AuditFilters } from './audit-logs.repo.ts';

type Row = Awaited<ReturnType<typeof listAudit>>['rows'][number];

function present(r: Row): AuditLog {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action as AuditAction,
    targetType: r.targetType,
    targetId: r.targetId,
    orgId: r.orgId,
    before: r.before,
    after: r.after,
    ip: r.ip,
  };
}

async function filtersFor(ctx: Ctx, input: AuditLogQuery): Promise<{ scope: Scope; seesAll: boolean; filters: AuditFilters }> {
  const scope = requirePermission(ctx.actor, 'audit.read');
  const seesAll = scope.all || ctx.actor.grants.some((g) => g.role === 'auditor' && g.orgPath.split('/').length === 3);
  let orgSubtree: Scope | undefined;
  if (input.orgId) {
    const org = await requireOrgInScope(ctx.db, scope, input.orgId);
    orgSubtree = { all: false, paths: [org.path] };
  }
  return { scope, seesAll, filters: { ...input, orgSubtree } };
}

export async function listAuditLogs({ ctx, input }: { ctx: Ctx; input: AuditLogQuery }): Promise<{ items: AuditLog[]; total: number }> {
  const { scope, seesAll, filters } = await filtersFor(ctx, input);
  const { rows, total } = await listAudit(ctx.db, scope, seesAll, filters, input.page, input.pageSize);
  return { items: rows.map(present), total };
}

const EXPORT_MAX = 50_000;

/** The filtered log as .xlsx (capped, newest first); the export itself is audited. */
export async function exportAuditLogs({ ctx, input }: { ctx: Ctx; input: AuditLogQuery }): Promise<Buffer> {
  const { scope, seesAll, filters } = await filtersFor(ctx, input);
  const { rows } = await listAudit(ctx.db, scope, seesAll, filters, 1, EXPORT_MAX);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('审计日志');
  ws.columns = [
    { header: '序号', key: 'id', width: 8 },
    { header: '时间', key: 'at', width: 22 },
    { header: '操作人', key: 'actor', width: 22 },
    { header: '操作', key: 'action', width: 14 },
    { header: '对象类型', key: 'targetType', width: 12 },
    { header: '对象', key: 'targetId', width: 38 },
    { header: 'IP', key: 'ip', width: 16 },
    { header: '变更前', key: 'before', width: 40 },
    { header: '变更后', key: 'after', width: 40 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow({
      id: r.id,
      at: r.at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }),
      actor: r.actorName,
      action: AUDIT_ACTION_LABELS[r.action as AuditAction] ?? r.action,
      targetType: r.targetType,
      targetId: r.targetId ?? '',
      ip: r.ip ?? '',
      before: r.before === null ? '' : JSON.stringify(r.before),
      after: r.after === null ? '' : JSON.stringify(r.after),
    });
  }
  await ctx.db.transaction((tx) =>
    writeAudit(tx, ctx, { action: 'audit.export', targetType: 'audit_log', after: { rows: rows.length, filters: input } }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function verifyAuditLogs({ ctx }: { ctx: Ctx }): Promise<AuditVerifyOutput> {
  requirePermission(ctx.actor, 'audit.read');
  const verdict = await verifyAuditChain(ctx.db, ctx.config);
  // Record the check after reading, so the verdict covers the chain as it was found.
  await ctx.db.transaction((tx) =>
    writeAudit(tx, ctx, {
      action: 'audit.verify',
      targetType: 'audit_log',
      after: { ok: verdict.ok, checked: verdict.checked, firstBrokenId: verdict.firstBrokenId, findings: verdict.findings.map((f) => f.kind) },
    }),
  );
  // On demand: a clean check also signs the head it just confirmed (and the row recording it).
  if (verdict.ok) await writeCheckpoint(ctx);
  return verdict;
}
