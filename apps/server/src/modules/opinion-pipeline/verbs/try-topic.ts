import type { TryTopicInput, TryTopicOutput } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { requirePermission } from '../../../core/scope.ts';
import { recentMentions } from '../../mentions/index.ts';
import { compileRuleOrThrow, type CompiledTopics } from '../../topics/index.ts';
import { matchTopics } from '../ingest/stages.ts';

/** "试一试": the rule over the latest visible mentions, exactly as the pipeline would match it. */
export async function tryTopic({ ctx, input }: { ctx: Ctx; input: TryTopicInput }): Promise<TryTopicOutput> {
  const scope = requirePermission(ctx.actor, 'opinion.monitor');
  const set = compileRuleOrThrow(input.rule);
  const compiled: CompiledTopics = {
    version: 'try',
    set,
    meta: new Map([['rule', { id: 'rule', orgId: '', orgPath: '/', name: '', sourceIds: new Set(input.sourceIds), regions: input.regions, recipientIds: [], quietStart: null, quietEnd: null }]]),
  };
  const rows = await recentMentions(ctx.db, scope, input.limit);
  const items: TryTopicOutput['items'] = [];
  let matched = 0;
  for (const row of rows) {
    // Only mentions the actor may see are scanned, so the source-sharing check has nothing to add.
    const hit = matchTopics(row, { id: row.sourceId, orgId: '', orgPath: '/', shared: true, region: row.region }, compiled)[0];
    if (!hit) continue;
    matched++;
    if (items.length < 50) {
      items.push({ mentionId: row.id, title: row.title, snippet: row.content.slice(0, 200), occurredAt: row.occurredAt.toISOString(), highlights: hit.highlights });
    }
  }
  return { scanned: rows.length, matched, items };
}
