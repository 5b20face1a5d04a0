import type { Executor } from '@xuanlian/db';
import { foldText } from '@xuanlian/textkit';
import type { Ctx } from '../../core/context.ts';
import type { CompiledTopics, TopicMeta } from '../topics/index.ts';
import { countNegative, firstNegative, growAlert, insertAlertIfNew, lockAlertEvaluation, openEpisode, rulesForTopics, type AlertRuleRow } from './alerts.repo.ts';
import { deliverAlert } from './delivery.ts';

/** A stored mention as alert evaluation needs it (only mentions that matched a topic). */
export interface StoredMention {
  id: string;
  clusterId: string;
  sourceId: string;
  title: string;
  occurredAt: Date;
  negative: boolean;
  topicIds: string[];
}

const clip = (s: string, n = 60): string => (s.length > n ? `${s.slice(0, n)}…` : s);

interface Raise {
  rule: AlertRuleRow;
  topic: TopicMeta;
  key: string;
  title: string;
  clusterId: string | null;
  mentions: StoredMention[];
  count: number;
  firstAt: Date;
}

async function raise(tx: Executor, ctx: Ctx, r: Raise, now: Date): Promise<boolean> {
  const lastAt = new Date(Math.max(...r.mentions.map((m) => m.occurredAt.getTime()), r.firstAt.getTime()));
  const ids = r.mentions.slice(0, 20).map((m) => m.id);
  const created = await insertAlertIfNew(tx, {
    ruleId: r.rule.id,
    topicId: r.rule.topicId,
    kind: r.rule.kind,
    severity: r.rule.severity,
    dedupeKey: r.key,
    title: r.title,
    clusterId: r.clusterId,
    mentionIds: ids,
    count: r.count,
    firstAt: r.firstAt,
    lastAt,
  });
  if (created) {
    await deliverAlert(tx, ctx, created, r.topic, now);
    return true;
  }
  // Already raised for this cluster or episode: it grows, nobody is alerted again.
  await growAlert(tx, r.key, r.rule.kind === 'negative_spike' ? { count: r.count, lastAt, mentionIds: ids } : { add: r.mentions.length, lastAt, mentionIds: ids });
  return false;
}

function byCluster(mentions: StoredMention[]): StoredMention[][] {
  const groups = new Map<string, StoredMention[]>();
  for (const m of mentions) groups.set(m.clusterId, [...(groups.get(m.clusterId) ?? []), m]);
  return [...groups.values()];
}

/**
 * Alert evaluation, the pipeline's last stage, inside the storing transaction. Per-mention
 * rules raise one alert per (rule, cluster); the spike rule one per (rule, episode), an
 * episode lasting while qualifying mentions keep arriving within the window. Keys are unique
 * in the table, so evaluating the same mentions again raises nothing new.
 */
export async function evaluateAlerts(tx: Executor, ctx: Ctx, mentions: StoredMention[], topics: CompiledTopics, now = new Date()): Promise<number> {
  if (mentions.length === 0) return 0;
  const rules = await rulesForTopics(tx, [...new Set(mentions.flatMap((m) => m.topicIds))]);
  if (rules.length === 0) return 0;
  await lockAlertEvaluation(tx);
  let raised = 0;
  for (const rule of rules) {
    const topic = topics.meta.get(rule.topicId);
    if (!topic) continue;
    const own = mentions.filter((m) => m.topicIds.includes(rule.topicId));
    if (rule.kind === 'watched_source') {
      const hits = own.filter((m) => rule.sourceIds.includes(m.sourceId));
      for (const group of byCluster(hits)) {
        const first = group[0] as StoredMention;
        const ok = await raise(
          tx,
          ctx,
          {
            rule,
            topic,
            key: `${rule.id}:cluster:${first.clusterId}`,
            title: `重点信源发布“${topic.name}”相关信息：${clip(first.title)}`,
            clusterId: first.clusterId,
            mentions: group,
            count: group.length,
            firstAt: first.occurredAt,
          },
          now,
        );
        if (ok) raised++;
      }
    } else if (rule.kind === 'title_keyword') {
      const keywords = rule.keywords.map((k) => foldText(k));
      const hits = own.filter((m) => {
        const t = foldText(m.title);
        return keywords.some((k) => t.includes(k));
      });
      for (const group of byCluster(hits)) {
        const first = group[0] as StoredMention;
        const word = rule.keywords.find((k) => foldText(first.title).includes(foldText(k))) ?? '';
        const ok = await raise(
          tx,
          ctx,
          {
            rule,
            topic,
            key: `${rule.id}:cluster:${first.clusterId}`,
            title: `标题含“${word}”（${topic.name}）：${clip(first.title)}`,
            clusterId: first.clusterId,
            mentions: group,
            count: group.length,
            firstAt: first.occurredAt,
          },
          now,
        );
        if (ok) raised++;
      }
    } else if (rule.kind === 'negative_spike' && rule.threshold && rule.windowMinutes) {
      const negatives = own.filter((m) => m.negative);
      if (negatives.length === 0) continue;
      const since = new Date(now.getTime() - rule.windowMinutes * 60_000);
      const n = await countNegative(tx, rule.topicId, since);
      if (n < rule.threshold) continue;
      const open = await openEpisode(tx, rule.id, since);
      const first = open ? undefined : await firstNegative(tx, rule.topicId, since);
      const key = open ? open.dedupeKey : `${rule.id}:episode:${first?.mentionId ?? negatives[0]?.id}`;
      const ok = await raise(
        tx,
        ctx,
        {
          rule,
          topic,
          key,
          title: `“${topic.name}”${rule.windowMinutes} 分钟内出现 ${n} 条负面信息`,
          clusterId: first?.clusterId ?? negatives[0]?.clusterId ?? null,
          mentions: negatives,
          count: n,
          firstAt: first?.occurredAt ?? (negatives[0] as StoredMention).occurredAt,
        },
        now,
      );
      if (ok) raised++;
    }
  }
  return raised;
}
