import type { Executor } from '@xuanlian/db';
import { SimHashIndex } from '@xuanlian/textkit';
import type { Ctx } from '../../../core/context.ts';
import { evaluateAlerts, type StoredMention } from '../../alerts/index.ts';
import { loadCompiledTopics } from '../../topics/index.ts';
import { CLUSTER_MAX_DISTANCE, recentFingerprints, rememberStored, storedHashes, storeMentions, storeTopicHits, textEngine } from '../../mentions/index.ts';
import { analyseItem, normaliseItem, type AnalysedItem, type NormalisedItem } from './stages.ts';
import type { IngestSource, RawItem } from './types.ts';

const INSERT_CHUNK = 1000;
/** Chunk size when analysis overlaps the INSERTs (PostgreSQL). */
const OVERLAP_CHUNK = 125;
const FIRST_OVERLAP_CHUNK = 32;
/** Items analysed between two turns of the event loop while an INSERT is being sent. */
const YIELD_EVERY = 8;

export interface IngestResult {
  received: number;
  stored: number;
  duplicates: number;
  mentionIds: string[];
  alertsRaised: number;
}

export interface IngestOptions {
  /** Runs inside the transaction just before it commits; the crash test parks a worker here. */
  beforeCommit?: () => Promise<void>;
  /** Runs right after the commit (the crash test parks a worker between commit and job completion). */
  afterCommit?: () => Promise<void>;
  /** The caller's open transaction (manual entry writes its audit row in the same one). */
  tx?: Executor;
  /** Adds milliseconds per stage here (the benchmark reports where the time goes). */
  timings?: Record<string, number>;
}

/** Drops exact duplicates inside the batch itself (a feed listing one item twice). */
function uniqueInBatch(items: NormalisedItem[]): NormalisedItem[] {
  const urls = new Set<string>();
  const contents = new Set<string>();
  return items.filter((i) => {
    if ((i.urlHash && urls.has(i.urlHash)) || contents.has(i.contentHash)) return false;
    if (i.urlHash) urls.add(i.urlHash);
    contents.add(i.contentHash);
    return true;
  });
}

type Clustered = AnalysedItem & { clusterId: string };

/**
 * Each new item joins the cluster of its nearest recent mention (stored, or earlier in this
 * batch), or starts its own. Items come oldest first, so the earliest copy founds the cluster.
 */
function assignClusters(index: SimHashIndex<string>, batch: SimHashIndex<string>, items: AnalysedItem[]): Clustered[] {
  return items.map((item) => {
    const near = [...index.query(item.simhash), ...batch.query(item.simhash)].sort((a, b) => a.distance - b.distance);
    const clusterId = near[0]?.id ?? item.id;
    batch.add(clusterId, item.simhash);
    return { ...item, clusterId };
  });
}

const yieldToIo = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The pipeline after parsing: normalise → exact de-dup → analyse (SimHash, topics, sentiment,
 * search text) → cluster (in-memory index of recent fingerprints) → in one transaction: store,
 * alert evaluation. Re-running it with the
 * same items stores nothing twice and raises no alert twice (unique hashes and alert keys),
 * and a crash before the commit leaves nothing behind.
 */
export async function ingestItems(ctx: Ctx, source: IngestSource, raw: RawItem[], opts: IngestOptions = {}): Promise<IngestResult> {
  const now = new Date();
  let mark = performance.now();
  const lap = (stage: string) => {
    const at = performance.now();
    if (opts.timings) opts.timings[stage] = (opts.timings[stage] ?? 0) + (at - mark);
    mark = at;
  };
  /** A part of a stage, reported beside it (the benchmark shows how much of store the overlap hides). */
  const note = (part: string, ms: number) => {
    if (opts.timings) opts.timings[part] = (opts.timings[part] ?? 0) + ms;
  };
  const reader = opts.tx ?? ctx.db;
  const normalised = uniqueInBatch(raw.map((r) => normaliseItem(r, now)).filter((i): i is NormalisedItem => i !== null));
  const known = await storedHashes(
    reader,
    normalised.flatMap((i) => (i.urlHash ? [i.urlHash] : [])),
    normalised.map((i) => i.contentHash),
  );
  const fresh = normalised.filter((i) => !(i.urlHash && known.urls.has(i.urlHash)) && !known.contents.has(i.contentHash));
  lap('normalise+dedup');
  const result: IngestResult = { received: raw.length, stored: 0, duplicates: raw.length - fresh.length, mentionIds: [], alertsRaised: 0 };
  if (fresh.length === 0) return result;

  const topics = await loadCompiledTopics(ctx.db, reader);
  const recent = await recentFingerprints(ctx.db, reader, now);
  lap('cluster');
  const engine = textEngine();
  const inBatch = new SimHashIndex<string>({ maxDistance: CLUSTER_MAX_DISTANCE, capacity: fresh.length });
  const prepare = (items: NormalisedItem[]): Clustered[] =>
    assignClusters(
      recent,
      inBatch,
      items.map((i) => analyseItem(i, source, engine, topics)),
    );
  // A chunk's INSERT is a few hundred kB, more than the socket takes at once: the rest is written
  // only when the event loop turns, so the analysis that overlaps it hands the loop back every
  // few items — otherwise the server waits for the bytes until the whole chunk is analysed.
  const prepareYielding = async (items: NormalisedItem[]): Promise<Clustered[]> => {
    const analysed: AnalysedItem[] = [];
    for (let i = 0; i < items.length; i++) {
      if (i % YIELD_EVERY === 0) await yieldToIo();
      analysed.push(analyseItem(items[i] as NormalisedItem, source, engine, topics));
    }
    return assignClusters(recent, inBatch, analysed);
  };
  // On PostgreSQL the database works in another process: analysing chunk k + 1 while chunk k's
  // INSERT runs hides most of the CPU. PGlite runs in this thread, so there everything is
  // analysed before the transaction opens and its one connection is never held for jieba.
  const overlap = !opts.tx && ctx.database.engine.kind === 'pg' && fresh.length > OVERLAP_CHUNK;
  const ordered = [...fresh].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const size = overlap ? OVERLAP_CHUNK : INSERT_CHUNK;
  // The first chunk is analysed before anything overlaps it, so it is kept small.
  const first = overlap ? FIRST_OVERLAP_CHUNK : size;
  const chunks = [ordered.slice(0, first)];
  for (let at = first; at < ordered.length; at += size) chunks.push(ordered.slice(at, at + size));
  const prepared: Array<Clustered[] | undefined> = overlap ? [prepare(chunks[0] ?? [])] : chunks.map(prepare);
  lap('analyse');

  const write = async (tx: Executor) => {
    lap('begin');
    const stored: Clustered[] = [];
    for (let k = 0; k < chunks.length; k++) {
      const current = prepared[k] ?? prepare(chunks[k] ?? []);
      const pending = storeMentions(tx, source, current, now);
      pending.catch(() => undefined); // awaited below; a failure meanwhile must not count as unhandled
      if (overlap && k + 1 < chunks.length) {
        const t = performance.now();
        prepared[k + 1] = await prepareYielding(chunks[k + 1] ?? []);
        note('store: analyse next chunk', performance.now() - t);
      }
      const t = performance.now();
      const inserted = await pending;
      note('store: wait for INSERT', performance.now() - t);
      for (const i of current) if (inserted.has(i.id)) stored.push(i);
    }
    const topicRows = stored.flatMap((i) => i.topics.map((t) => ({ mentionId: i.id, topicId: t.topicId, occurredAt: i.occurredAt, negative: i.sentiment === 'negative', highlights: t.highlights })));
    for (let i = 0; i < topicRows.length; i += INSERT_CHUNK) await storeTopicHits(tx, topicRows.slice(i, i + INSERT_CHUNK));
    lap('store');
    const forAlerts: StoredMention[] = stored
      .filter((i) => i.topics.length > 0)
      .map((i) => ({
        id: i.id,
        clusterId: i.clusterId,
        sourceId: source.id,
        title: i.title,
        occurredAt: i.occurredAt,
        negative: i.sentiment === 'negative',
        topicIds: i.topics.map((t) => t.topicId),
      }));
    const alertsRaised = await evaluateAlerts(tx, ctx, forAlerts, topics);
    lap('alerts');
    await opts.beforeCommit?.();
    return { stored, alertsRaised };
  };
  const { stored, alertsRaised } = opts.tx ? await write(opts.tx) : await ctx.db.transaction(write);
  lap('commit');
  // A caller's transaction may still roll back: then the next refresh learns what really committed.
  if (!opts.tx) rememberStored(ctx.db, stored);
  if (!opts.tx) await opts.afterCommit?.();
  result.stored = stored.length;
  result.duplicates = raw.length - stored.length;
  result.mentionIds = stored.map((i) => i.id);
  result.alertsRaised = alertsRaised;
  return result;
}
