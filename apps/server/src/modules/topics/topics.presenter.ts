import type { Topic } from '@xuanlian/contracts';
import type { TopicWithOrg } from './topics.repo.ts';

export function presentTopic(row: TopicWithOrg, names: Map<string, string>): Topic {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: row.orgName,
    name: row.name,
    rule: row.rule,
    sourceIds: row.sourceIds,
    regions: row.regions,
    enabled: row.enabled,
    recipients: row.recipientIds.map((id) => ({ id, name: names.get(id) ?? '（已删除用户）' })),
    quietHours: row.quietStart && row.quietEnd ? { start: row.quietStart, end: row.quietEnd } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
