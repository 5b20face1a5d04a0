import { AUDIT_ACTION_LABELS, type AuditAction, type AuditLog, type AuditLogQuery, type AuditVerifyOutput } from '@xuanlian/contracts';
import { verifyAuditChain, writeAudit, writeCheckpoint } from '../../core/audit/audit.ts';
import type { Ctx } from '../../core/context.ts';
import { actingOrgName, requirePermission, type Scope, requireOrgInScope } from '../../core/scope.ts';
import { CHINA_OFFSET_MS } from '../../core/china-time/index.ts';
import { addOfficeSheet, officeWorkbook, workbookBuffer } from '../../core/xlsx/office-sheet.ts';
import { findOrgsByIds } from '../orgs/index.ts';
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
  const orgNames = new Map((await findOrgsByIds(ctx.db, [...new Set(rows.flatMap((r) => (r.orgId ? [r.orgId] : [])))])).map((o) => [o.id, o.name]));
  const book = officeWorkbook();
  addOfficeSheet(book, {
    name: '审计日志',
    title: '安全审计日志',
    issuer: (input.orgId ? orgNames.get(input.orgId) : undefined) ?? actingOrgName(ctx.actor, 'audit.read'),
    rows,
    columns: [
      { header: '序号', width: 8, value: (r) => r.id },
      // To the second, China time: an audit trail is read against other logs.
      { header: '时间', width: 20, value: (r) => new Date(r.at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ') },
      { header: '操作人', width: 22, value: (r) => r.actorName },
      { header: '单位', width: 20, value: (r) => (r.orgId ? (orgNames.get(r.orgId) ?? '') : '') },
      { header: '操作', width: 14, value: (r) => AUDIT_ACTION_LABELS[r.action as AuditAction] ?? r.action },
      { header: '对象类型', width: 12, value: (r) => r.targetType },
      { header: '对象', width: 38, value: (r) => r.targetId ?? '' },
      { header: 'IP', width: 16, value: (r) => r.ip ?? '' },
      { header: '变更前', width: 40, value: (r) => (r.before === null ? '' : JSON.stringify(r.before)) },
      { header: '变更后', width: 40, value: (r) => (r.after === null ? '' : JSON.stringify(r.after)) },
    ],
  });
  await ctx.db.transaction((tx) => writeAudit(tx, ctx, { action: 'audit.export', targetType: 'audit_log', after: { rows: rows.length, filters: input } }));
  return workbookBuffer(book);
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
