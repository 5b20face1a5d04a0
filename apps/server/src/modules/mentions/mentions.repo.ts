import { opinionMentionReads, opinionMentionTopics, opinionMentions, opinionSources, opinionTopics, type Executor } from '@xuanlian/db';
import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { orgIdFilter, type Scope } from '../../core/scope.ts';
import { queryRows } from '../../core/sql.ts';

export type MentionRow = typeof opinionMentions.$inferSelect;
export type MentionListRow = Omit<MentionRow, 'content' | 'searchText' | 'search'> & { snippet: string; sourceName: string };

/** A mention is visible through its source's unit or through a matched topic's unit. */
export function mentionVisible(scope: Scope): SQL {
  if (scope.all) return sql`true`;
  return sql`(${orgIdFilter(scope, opinionMentions.orgId)} or exists (
    select 1 from ${opinionMentionTopics} mt join ${opinionTopics} t on t.id = mt.topic_id
    where mt.mention_id = ${opinionMentions.id} and ${orgIdFilter(scope, sql`t.org_id`)}))`;
}

const listColumns = {
  id: opinionMentions.id,
  sourceId: opinionMentions.sourceId,
  orgId: opinionMentions.orgId,
  url: opinionMentions.url,
  urlHash: opinionMentions.urlHash,
  contentHash: opinionMentions.contentHash,
  title: opinionMentions.title,
  snippet: sql<string>`left(${opinionMentions.content}, 200)`,
  author: opinionMentions.author,
  region: opinionMentions.region,
  publishedAt: opinionMentions.publishedAt,
  occurredAt: opinionMentions.occurredAt,
  fetchedAt: opinionMentions.fetchedAt,
  simhash: opinionMentions.simhash,
  clusterId: opinionMentions.clusterId,
  sentiment: opinionMentions.sentiment,
  sentimentScore: opinionMentions.sentimentScore,
  sentimentWords: opinionMentions.sentimentWords,
  irrelevant: opinionMentions.irrelevant,
  important: opinionMentions.important,
  markedBy: opinionMentions.markedBy,
  markedAt: opinionMentions.markedAt,
  sourceName: opinionSources.name,
};

export interface MentionFilters {
  userId: string | null;
  topicId?: string | undefined;
  sourceId?: string | undefined;
  clusterId?: string | undefined;
  sentiment?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  read?: boolean | undefined;
  important?: boolean | undefined;
  irrelevant?: boolean | undefined;
  /** Already segmented for plainto_tsquery('simple', …). */
  query?: string | undefined;
  page: number;
  pageSize: number;
}

function readExists(userId: string | null): SQL {
  return sql`exists (select 1 from ${opinionMentionReads} r where r.mention_id = ${opinionMentions.id} and r.user_id = ${userId})`;
}

export async function listMentionsInScope(db: Executor, scope: Scope, f: MentionFilters): Promise<{ rows: MentionListRow[]; total: number }> {
  const conds: SQL[] = [mentionVisible(scope)];
  if (f.topicId) conds.push(sql`exists (select 1 from ${opinionMentionTopics} mt where mt.mention_id = ${opinionMentions.id} and mt.topic_id = ${f.topicId})`);
  if (f.sourceId) conds.push(eq(opinionMentions.sourceId, f.sourceId));
  if (f.clusterId) conds.push(eq(opinionMentions.clusterId, f.clusterId));
  if (f.sentiment) conds.push(eq(opinionMentions.sentiment, f.sentiment));
  if (f.from) conds.push(gte(opinionMentions.occurredAt, f.from));
  if (f.to) conds.push(lt(opinionMentions.occurredAt, f.to));
  if (f.important !== undefined) conds.push(eq(opinionMentions.important, f.important));
  conds.push(eq(opinionMentions.irrelevant, f.irrelevant ?? false));
  if (f.read !== undefined) conds.push(f.read ? readExists(f.userId) : sql`not ${readExists(f.userId)}`);
  if (f.query) conds.push(sql`${opinionMentions.search} @@ plainto_tsquery('simple', ${f.query})`);
  const where = and(...conds);
  const [rows, totals] = await Promise.all([
    db
      .select(listColumns)
      .from(opinionMentions)
      .innerJoin(opinionSources, eq(opinionSources.id, opinionMentions.sourceId))
      .where(where)
      .orderBy(desc(opinionMentions.occurredAt), desc(opinionMentions.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(opinionMentions).where(where),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0) };
}

export async function findMentionInScope(db: Executor, scope: Scope, id: string): Promise<(MentionRow & { sourceName: string }) | undefined> {
  const rows = await db
    .select({ m: opinionMentions, sourceName: opinionSources.name })
    .from(opinionMentions)
    .innerJoin(opinionSources, eq(opinionSources.id, opinionMentions.sourceId))
    .where(and(eq(opinionMentions.id, id), mentionVisible(scope)));
  const r = rows[0];
  return r ? { ...r.m, sourceName: r.sourceName } : undefined;
}

export interface TopicRef {
  mentionId: string;
  topicId: string;
  name: string;
  highlights: unknown;
}

/** Matched topics of these mentions that the scope may see, with highlight positions. */
export async function topicsOf(db: Executor, scope: Scope, mentionIds: string[]): Promise<TopicRef[]> {
  if (mentionIds.length === 0) return [];
  return db
    .select({ mentionId: opinionMentionTopics.mentionId, topicId: opinionMentionTopics.topicId, name: opinionTopics.name, highlights: opinionMentionTopics.highlights })
    .from(opinionMentionTopics)
    .innerJoin(opinionTopics, eq(opinionTopics.id, opinionMentionTopics.topicId))
    .where(and(inArray(opinionMentionTopics.mentionId, mentionIds), orgIdFilter(scope, opinionTopics.orgId)))
    .orderBy(asc(opinionTopics.name));
}

export async function readSet(db: Executor, userId: string | null, mentionIds: string[]): Promise<Set<string>> {
  if (!userId || mentionIds.length === 0) return new Set();
  const rows = await db
    .select({ id: opinionMentionReads.mentionId })
    .from(opinionMentionReads)
    .where(and(eq(opinionMentionReads.userId, userId), inArray(opinionMentionReads.mentionId, mentionIds)));
  return new Set(rows.map((r) => r.id));
}

export async function clusterSizes(db: Executor, clusterIds: string[]): Promise<Map<string, number>> {
  if (clusterIds.length === 0) return new Map();
  const rows = await db.select({ id: opinionMentions.clusterId, n: count() }).from(opinionMentions).where(inArray(opinionMentions.clusterId, clusterIds)).groupBy(opinionMentions.clusterId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

export async function clusterTimeline(db: Executor, scope: Scope, clusterId: string) {
  return db
    .select({ id: opinionMentions.id, sourceId: opinionMentions.sourceId, sourceName: opinionSources.name, occurredAt: opinionMentions.occurredAt, sentiment: opinionMentions.sentiment })
    .from(opinionMentions)
    .innerJoin(opinionSources, eq(opinionSources.id, opinionMentions.sourceId))
    .where(and(eq(opinionMentions.clusterId, clusterId), mentionVisible(scope)))
    .orderBy(asc(opinionMentions.occurredAt), asc(opinionMentions.id))
    .limit(10_000);
}

export async function setRead(tx: Executor, userId: string, mentionIds: string[], read: boolean): Promise<void> {
  if (mentionIds.length === 0) return;
  if (read) {
    await tx
      .insert(opinionMentionReads)
      .values(mentionIds.map((mentionId) => ({ userId, mentionId })))
      .onConflictDoNothing();
  } else {
    await tx.delete(opinionMentionReads).where(and(eq(opinionMentionReads.userId, userId), inArray(opinionMentionReads.mentionId, mentionIds)));
  }
}

export async function setFlags(tx: Executor, id: string, flags: { irrelevant?: boolean; important?: boolean }, by: string | null): Promise<void> {
  await tx
    .update(opinionMentions)
    .set({ ...flags, markedBy: by, markedAt: new Date() })
    .where(eq(opinionMentions.id, id));
}

export async function visibleIds(db: Executor, scope: Scope, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: opinionMentions.id })
    .from(opinionMentions)
    .where(and(inArray(opinionMentions.id, ids), mentionVisible(scope)));
  return rows.map((r) => r.id);
}

/** The most recent visible mentions, for trying a rule before saving it. */
export async function recentMentions(db: Executor, scope: Scope, limit: number) {
  return db
    .select({
      id: opinionMentions.id,
      title: opinionMentions.title,
      content: opinionMentions.content,
      sourceId: opinionMentions.sourceId,
      region: opinionMentions.region,
      occurredAt: opinionMentions.occurredAt,
    })
    .from(opinionMentions)
    .where(and(mentionVisible(scope), eq(opinionMentions.irrelevant, false)))
    .orderBy(desc(opinionMentions.occurredAt))
    .limit(limit);
}

export async function knownUrlHashes(db: Executor, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await queryRows<{ h: string }>(db, sql`select url_hash as h from opinion_mentions where url_hash = any(${`{${hashes.join(',')}}`}::text[])`);
  return new Set(rows.map((r) => r.h));
}
