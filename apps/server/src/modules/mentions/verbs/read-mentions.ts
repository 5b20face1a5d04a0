import type { ClusterView, Mention, MentionDetail, MentionListQuery } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import type { Ctx } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { requirePermission, type Scope } from '../../../core/scope.ts';
import { findTopicInScope } from '../../topics/index.ts';
import { clusterSizes, clusterTimeline, findMentionInScope, listMentionsInScope, readSet, topicsOf, type MentionListRow } from '../mentions.repo.ts';
import { presentMention } from '../mentions.presenter.ts';
import { textEngine } from '../text-engine.ts';

async function presentAll(db: Executor, scope: Scope, userId: string | null, rows: MentionListRow[]): Promise<Mention[]> {
  const ids = rows.map((r) => r.id);
  const [topics, read, sizes] = await Promise.all([topicsOf(db, scope, ids), readSet(db, userId, ids), clusterSizes(db, [...new Set(rows.map((r) => r.clusterId))])]);
  return rows.map((r) => presentMention(r, { topics, read, sizes }));
}

export async function listMentions({ ctx, input }: { ctx: Ctx; input: MentionListQuery }): Promise<{ items: Mention[]; total: number }> {
  const scope = requirePermission(ctx.actor, 'opinion.read');
  if (input.topicId && !(await findTopicInScope(ctx.db, scope, input.topicId))) throw notFound('监测专题');
  const bool = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');
  // The query is cut the way the index was (jieba), so 人大代表 finds 人大 代表 人大代表.
  const query = input.q ? textEngine().segmenter.forQuery(input.q) : undefined;
  const { rows, total } = await listMentionsInScope(ctx.db, scope, {
    userId: ctx.actor.userId,
    topicId: input.topicId,
    sourceId: input.sourceId,
    clusterId: input.clusterId,
    sentiment: input.sentiment,
    from: input.from ? new Date(input.from) : undefined,
    to: input.to ? new Date(input.to) : undefined,
    read: bool(input.read),
    important: bool(input.important),
    irrelevant: bool(input.irrelevant),
    query: query || undefined,
    page: input.page,
    pageSize: input.pageSize,
  });
  return { items: await presentAll(ctx.db, scope, ctx.actor.userId, rows), total };
}

export async function getMention({ ctx, id }: { ctx: Ctx; id: string }): Promise<MentionDetail> {
  const scope = requirePermission(ctx.actor, 'opinion.read');
  const row = await findMentionInScope(ctx.db, scope, id);
  if (!row) throw notFound('舆情信息');
  const [m] = await presentAll(ctx.db, scope, ctx.actor.userId, [{ ...row, snippet: row.content.slice(0, 200) }]);
  if (!m) throw notFound('舆情信息');
  return { ...m, content: row.content };
}

/** Bucket width that gives a readable spread chart for the cluster's life span. */
function bucketMinutes(spanMs: number): number {
  const hours = spanMs / 3_600_000;
  if (hours <= 6) return 30;
  if (hours <= 48) return 120;
  if (hours <= 14 * 24) return 720;
  return 1440;
}

export async function getCluster({ ctx, id }: { ctx: Ctx; id: string }): Promise<ClusterView> {
  const scope = requirePermission(ctx.actor, 'opinion.read');
  const timeline = await clusterTimeline(ctx.db, scope, id);
  const first = timeline[0];
  const last = timeline[timeline.length - 1];
  if (!first || !last) throw notFound('相似簇');
  const { rows } = await listMentionsInScope(ctx.db, scope, { userId: ctx.actor.userId, clusterId: id, page: 1, pageSize: 200, irrelevant: undefined });
  const { rows: hidden } = await listMentionsInScope(ctx.db, scope, { userId: ctx.actor.userId, clusterId: id, page: 1, pageSize: 200, irrelevant: true });
  const items = (await presentAll(ctx.db, scope, ctx.actor.userId, [...rows, ...hidden])).sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  const firstItem = items.find((m) => m.id === first.id) ?? items[0];
  if (!firstItem) throw notFound('相似簇');
  const width = bucketMinutes(last.occurredAt.getTime() - first.occurredAt.getTime());
  const start = Math.floor(first.occurredAt.getTime() / (width * 60_000)) * width * 60_000;
  const buckets = new Map<number, number>();
  for (const m of timeline) {
    const b = start + Math.floor((m.occurredAt.getTime() - start) / (width * 60_000)) * width * 60_000;
    buckets.set(b, (buckets.get(b) ?? 0) + 1);
  }
  const spread = [];
  for (let b = start; b <= last.occurredAt.getTime(); b += width * 60_000) spread.push({ at: new Date(b).toISOString(), count: buckets.get(b) ?? 0 });
  const sources = new Map<string, { sourceId: string; name: string; count: number; firstAt: string }>();
  for (const m of timeline) {
    const s = sources.get(m.sourceId);
    if (s) s.count++;
    else sources.set(m.sourceId, { sourceId: m.sourceId, name: m.sourceName, count: 1, firstAt: m.occurredAt.toISOString() });
  }
  return {
    clusterId: id,
    size: timeline.length,
    first: firstItem,
    firstAt: first.occurredAt.toISOString(),
    lastAt: last.occurredAt.toISOString(),
    negative: timeline.filter((m) => m.sentiment === 'negative').length,
    sources: [...sources.values()],
    spread,
    bucketMinutes: width,
    items,
  };
}
