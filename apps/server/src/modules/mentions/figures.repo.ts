import { opinionMentionTopics, opinionMentions, opinionSources, opinionTopics, type Executor } from '@xuanlian/db';
import { and, count, desc, eq, gte, inArray, lt, min, sql } from 'drizzle-orm';
import { orgIdFilter, type Scope } from '../../core/scope.ts';
import { mentionVisible } from './mentions.repo.ts';

const negative = sql<number>`count(*) filter (where ${opinionMentions.sentiment} = 'negative')`;
/** The China-time calendar day, without relying on time zone data being installed. */
const chinaDay = sql<string>`to_char((${opinionMentions.occurredAt} at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD')`;

/** The mention side of a brief: counts over [from, to) of what the scope may see, irrelevant ones left out. */
export async function mentionFigures(db: Executor, scope: Scope, from: Date, to: Date) {
  const where = and(mentionVisible(scope), gte(opinionMentions.occurredAt, from), lt(opinionMentions.occurredAt, to), eq(opinionMentions.irrelevant, false));
  const [bySentiment, byDay, bySource, byTopic, clusters] = await Promise.all([
    db.select({ sentiment: opinionMentions.sentiment, n: count() }).from(opinionMentions).where(where).groupBy(opinionMentions.sentiment),
    db.select({ day: chinaDay, n: count(), neg: negative }).from(opinionMentions).where(where).groupBy(chinaDay).orderBy(chinaDay),
    db
      .select({ sourceId: opinionMentions.sourceId, name: opinionSources.name, n: count() })
      .from(opinionMentions)
      .innerJoin(opinionSources, eq(opinionSources.id, opinionMentions.sourceId))
      .where(where)
      .groupBy(opinionMentions.sourceId, opinionSources.name)
      .orderBy(desc(count()))
      .limit(10),
    db
      .select({ topicId: opinionTopics.id, name: opinionTopics.name, n: count(), neg: negative })
      .from(opinionMentionTopics)
      .innerJoin(opinionMentions, eq(opinionMentions.id, opinionMentionTopics.mentionId))
      .innerJoin(opinionTopics, eq(opinionTopics.id, opinionMentionTopics.topicId))
      .where(and(where, orgIdFilter(scope, opinionTopics.orgId)))
      .groupBy(opinionTopics.id, opinionTopics.name)
      .orderBy(desc(count()))
      .limit(20),
    db
      .select({ clusterId: opinionMentions.clusterId, n: count(), neg: negative, firstAt: min(opinionMentions.occurredAt) })
      .from(opinionMentions)
      .where(where)
      .groupBy(opinionMentions.clusterId)
      .orderBy(desc(count()), desc(negative))
      .limit(10),
  ]);
  const heads = clusters.length
    ? await db
        .selectDistinctOn([opinionMentions.clusterId], { clusterId: opinionMentions.clusterId, title: opinionMentions.title, sourceName: opinionSources.name })
        .from(opinionMentions)
        .innerJoin(opinionSources, eq(opinionSources.id, opinionMentions.sourceId))
        .where(
          and(
            inArray(
              opinionMentions.clusterId,
              clusters.map((c) => c.clusterId),
            ),
            mentionVisible(scope),
          ),
        )
        .orderBy(opinionMentions.clusterId, opinionMentions.occurredAt)
    : [];
  const sentiment = { positive: 0, neutral: 0, negative: 0 };
  for (const r of bySentiment) if (r.sentiment in sentiment) sentiment[r.sentiment as keyof typeof sentiment] = Number(r.n);
  return {
    total: sentiment.positive + sentiment.neutral + sentiment.negative,
    sentiment,
    byDay: byDay.map((r) => ({ day: r.day, total: Number(r.n), negative: Number(r.neg) })),
    bySource: bySource.map((r) => ({ sourceId: r.sourceId, name: r.name, count: Number(r.n) })),
    byTopic: byTopic.map((r) => ({ topicId: r.topicId, name: r.name, count: Number(r.n), negative: Number(r.neg) })),
    topClusters: clusters.map((c) => {
      const head = heads.find((h) => h.clusterId === c.clusterId);
      return { clusterId: c.clusterId, title: head?.title ?? '', count: Number(c.n), negative: Number(c.neg), firstAt: (c.firstAt ?? from).toISOString(), firstSourceName: head?.sourceName ?? '' };
    }),
  };
}
