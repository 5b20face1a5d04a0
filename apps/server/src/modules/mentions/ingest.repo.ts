import { opinionMentions, opinionMentionTopics, simhashBand, type Executor } from '@xuanlian/db';
import { and, gt, inArray, or, sql } from 'drizzle-orm';
import type { AnalysedItem } from './pipeline/stages.ts';
import type { IngestSource } from './pipeline/types.ts';

/** Which of these URL / content hashes are already stored (exact duplicates). */
export async function findKnownHashes(db: Executor, urlHashes: string[], contentHashes: string[]): Promise<{ urls: Set<string>; contents: Set<string> }> {
  const conds = [];
  if (urlHashes.length > 0) conds.push(inArray(opinionMentions.urlHash, urlHashes));
  if (contentHashes.length > 0) conds.push(inArray(opinionMentions.contentHash, contentHashes));
  if (conds.length === 0) return { urls: new Set(), contents: new Set() };
  const rows = await db.select({ u: opinionMentions.urlHash, c: opinionMentions.contentHash }).from(opinionMentions).where(or(...conds));
  return { urls: new Set(rows.flatMap((r) => (r.u ? [r.u] : []))), contents: new Set(rows.map((r) => r.c)) };
}

export interface ClusterCandidate {
  clusterId: string;
  simhash: bigint;
  occurredAt: Date;
}

/**
 * Recent mentions sharing at least one 16-bit band with any of the fingerprints: by the
 * pigeonhole principle every mention within Hamming distance 3 is among them.
 */
export async function findClusterCandidates(db: Executor, bands: number[][], since: Date): Promise<ClusterCandidate[]> {
  if (bands.length === 0) return [];
  const perBand = [0, 1, 2, 3].map((b) => [...new Set(bands.map((v) => v[b] as number))]);
  const ors = perBand.map((values, b) => sql`${simhashBand(opinionMentions.simhash, b as 0 | 1 | 2 | 3)} = any(${`{${values.join(',')}}`}::bigint[])`);
  return db
    .select({ clusterId: opinionMentions.clusterId, simhash: opinionMentions.simhash, occurredAt: opinionMentions.occurredAt })
    .from(opinionMentions)
    .where(and(or(...ors), gt(opinionMentions.occurredAt, since)));
}

/** Inserts what is not there yet; the unique hashes make a re-run or a race insert nothing twice. */
export async function insertMentions(tx: Executor, source: IngestSource, items: Array<AnalysedItem & { clusterId: string }>, fetchedAt: Date): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const rows = await tx
    .insert(opinionMentions)
    .values(
      items.map((i) => ({
        id: i.id,
        sourceId: source.id,
        orgId: source.orgId,
        url: i.url,
        urlHash: i.urlHash,
        contentHash: i.contentHash,
        title: i.title,
        content: i.content,
        author: i.author,
        region: source.region,
        publishedAt: i.publishedAt,
        occurredAt: i.occurredAt,
        fetchedAt,
        simhash: i.simhashBig,
        clusterId: i.clusterId,
        sentiment: i.sentiment,
        sentimentScore: i.sentimentScore,
        sentimentWords: i.sentimentWords,
        searchText: i.searchText,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: opinionMentions.id });
  return new Set(rows.map((r) => r.id));
}

export async function insertMentionTopics(tx: Executor, rows: Array<typeof opinionMentionTopics.$inferInsert>): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(opinionMentionTopics).values(rows).onConflictDoNothing();
}
