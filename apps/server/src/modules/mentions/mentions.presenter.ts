import type { Highlight, Mention, Sentiment } from '@xuanlian/contracts';
import type { MentionListRow, TopicRef } from './mentions.repo.ts';

export interface MentionExtras {
  topics: TopicRef[];
  read: Set<string>;
  sizes: Map<string, number>;
}

export function presentMention(row: MentionListRow, x: MentionExtras): Mention {
  return {
    id: row.id,
    sourceId: row.sourceId,
    sourceName: row.sourceName,
    url: row.url,
    title: row.title,
    snippet: row.snippet,
    author: row.author,
    region: row.region,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    occurredAt: row.occurredAt.toISOString(),
    fetchedAt: row.fetchedAt.toISOString(),
    sentiment: row.sentiment as Sentiment,
    sentimentScore: row.sentimentScore,
    sentimentWords: row.sentimentWords,
    clusterId: row.clusterId,
    clusterSize: x.sizes.get(row.clusterId) ?? 1,
    topics: x.topics.filter((t) => t.mentionId === row.id).map((t) => ({ id: t.topicId, name: t.name, highlights: t.highlights as Highlight[] })),
    read: x.read.has(row.id),
    irrelevant: row.irrelevant,
    important: row.important,
  };
}
