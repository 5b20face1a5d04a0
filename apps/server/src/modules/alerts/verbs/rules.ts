import type { AlertRule, CreateAlertRuleInput, UpdateAlertRuleInput } from '@xuanlian/contracts';
import { writeAudit } from '../../../core/audit/audit.ts';
import type { Ctx } from '../../../core/context.ts';
import { notFound, validationError } from '../../../core/errors.ts';
import { requirePermission, type Scope } from '../../../core/scope.ts';
import type { Executor } from '@xuanlian/db';
import { findSourcesInScope } from '../../sources/index.ts';
import { findTopicInScope } from '../../topics/index.ts';
import { findRuleInScope, insertRule, listRulesInScope, updateRuleRow } from '../alerts.repo.ts';
import { presentRule } from '../alerts.presenter.ts';

async function checkSources(tx: Executor, scope: Scope, ids: string[]): Promise<void> {
  const found = await findSourcesInScope(tx, scope, ids);
  const missing = ids.filter((id) => !found.some((s) => s.id === id));
  if (missing.length > 0) throw validationError([{ path: 'sourceIds', message: '所选信源不存在或不在您的管理范围内' }]);
}

export async function createAlertRule({ ctx, input }: { ctx: Ctx; input: CreateAlertRuleInput }): Promise<AlertRule> {
  const scope = requirePermission(ctx.actor, 'opinion.monitor');
  return ctx.db.transaction(async (tx) => {
    const topic = await findTopicInScope(tx, scope, input.topicId);
    if (!topic) throw notFound('监测专题');
    await checkSources(tx, scope, input.sourceIds);
    const row = await insertRule(tx, {
      topicId: topic.id,
      kind: input.kind,
      threshold: input.kind === 'negative_spike' ? (input.threshold ?? null) : null,
      windowMinutes: input.kind === 'negative_spike' ? (input.windowMinutes ?? null) : null,
      sourceIds: input.kind === 'watched_source' ? input.sourceIds : [],
      keywords: input.kind === 'title_keyword' ? input.keywords : [],
      severity: input.severity,
      enabled: input.enabled,
      createdBy: ctx.actor.userId,
    });
    const out = presentRule({ ...row, topicName: topic.name });
    await writeAudit(tx, ctx, { action: 'alert_rule.create', targetType: 'opinion_alert_rule', targetId: row.id, orgId: topic.orgId, after: out });
    return out;
  });
}

export async function updateAlertRule({ ctx, id, input }: { ctx: Ctx; id: string; input: UpdateAlertRuleInput }): Promise<AlertRule> {
  const scope = requirePermission(ctx.actor, 'opinion.monitor');
  return ctx.db.transaction(async (tx) => {
    const row = await findRuleInScope(tx, scope, id);
    if (!row) throw notFound('预警规则');
    if (input.sourceIds) await checkSources(tx, scope, input.sourceIds);
    const before = presentRule(row);
    const updated = await updateRuleRow(tx, row.id, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
    if (!updated) throw notFound('预警规则');
    const after = presentRule({ ...updated, topicName: row.topicName });
    await writeAudit(tx, ctx, { action: 'alert_rule.update', targetType: 'opinion_alert_rule', targetId: row.id, orgId: row.orgId, before, after });
    return after;
  });
}

export async function listAlertRules({ ctx, topicId }: { ctx: Ctx; topicId?: string | undefined }): Promise<AlertRule[]> {
  const scope = requirePermission(ctx.actor, 'opinion.read');
  if (topicId && !(await findTopicInScope(ctx.db, scope, topicId))) throw notFound('监测专题');
  return (await listRulesInScope(ctx.db, scope, topicId)).map(presentRule);
}
