import type { Alert, AlertRule, AlertRuleKind, Grade } from '@xuanlian/contracts';
import type { AlertRow, AlertRuleRow } from './alerts.repo.ts';

export function presentRule(row: AlertRuleRow & { topicName: string }): AlertRule {
  return {
    id: row.id,
    topicId: row.topicId,
    topicName: row.topicName,
    kind: row.kind as AlertRuleKind,
    threshold: row.threshold,
    windowMinutes: row.windowMinutes,
    sourceIds: row.sourceIds,
    keywords: row.keywords,
    severity: row.severity as Grade,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentAlert(row: AlertRow & { topicName: string }): Alert {
  return {
    id: row.id,
    ruleId: row.ruleId,
    topicId: row.topicId,
    topicName: row.topicName,
    kind: row.kind as AlertRuleKind,
    severity: row.severity as Grade,
    title: row.title,
    clusterId: row.clusterId,
    mentionIds: row.mentionIds,
    count: row.count,
    firstAt: row.firstAt.toISOString(),
    lastAt: row.lastAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    status: row.status === 'acknowledged' ? 'acknowledged' : 'open',
    acknowledgedByName: row.acknowledgedByName,
  };
}
