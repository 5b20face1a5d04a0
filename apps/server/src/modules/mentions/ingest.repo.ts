import { opinionMentions, opinionMentionTopics, type Executor } from '@xuanlian/db';
import { gt, inArray, or } from 'drizzle-orm';

/** The source a batch came from, as each of its mentions records it. */
export interface MentionOrigin {
  id: string;
  orgId: string;
  region: string | null;
}

/** A new mention as the pipeline hands it over: normalised, analysed and given its cluster. */
export type NewMention = Required<
  Pick<
    typeof opinionMentions.$inferInsert,
    'id' | 'url' | 'urlHash' | 'contentHash' | 'title' | 'content' | 'author' | 'publishedAt' | 'occurredAt' | 'clusterId' | 'sentiment' | 'sentimentScore' | 'sentimentWords' | 'searchText'
  >
> & { simhashBig: bigint };

export type NewTopicHit = typeof opinionMentionTopics.$inferInsert;

/** Which of these URL / content hashes are already stored (exact duplicates). */
export async function findKnownHashes(db: Executor, urlHashes: string[], contentHashes: string[]): Promise<{ urls: Set<string>; contents: Set<string> }> {
  const conds = [];
  if (urlHashes.length > 0) conds.push(inArray(opinionMentions.urlHash, urlHashes));
  if (contentHashes.length > 0) conds.push(inArray(opinionMentions.contentHash, contentHashes));
  if (conds.length === 0) return { urls: new Set(), contents: new Set() };
  const rows = await db
    .select({ u: opinionMentions.urlHash, c: opinionMentions.contentHash })
    .from(opinionMentions)
    .where(or(...conds));
  return { urls: new Set(rows.flatMap((r) => (r.u ? [r.u] : []))), contents: new Set(rows.map((r) => r.c)) };
}

export interface StoredFingerprint {
  clusterId: string;
  simhash: bigint;
  fetchedAt: Date;
}

const fingerprintColumns = { clusterId: opinionMentions.clusterId, simhash: opinionMentions.simhash, fetchedAt: opinionMentions.fetchedAt };

/** Fingerprints of the mentions that appeared since `since` (the clustering window). */
export async function fingerprintsSince(db: Executor, since: Date): Promise<StoredFingerprint[]> {
  return db.select(fingerprintColumns).from(opinionMentions).where(gt(opinionMentions.occurredAt, since));
}

/** Fingerprints stored (by any process) after `after`. */
export async function fingerprintsFetchedAfter(db: Executor, after: Date): Promise<StoredFingerprint[]> {
  return db.select(fingerprintColumns).from(opinionMentions).where(gt(opinionMentions.fetchedAt, after));
}

/** Inserts what is not there yet; the unique hashes make a re-run or a race insert nothing twice. */
export async function insertMentions(tx: Executor, source: MentionOrigin, items: NewMention[], fetchedAt: Date): Promise<Set<string>> {
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

export async function insertMentionTopics(tx: Executor, rows: NewTopicHit[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(opinionMentionTopics).values(rows).onConflictDoNothing();
}
