import type { Executor } from '@xuanlian/db';
import { findKnownHashes, insertMentionTopics, insertMentions, type MentionOrigin, type NewMention, type NewTopicHit } from '../ingest.repo.ts';

export type { MentionOrigin, NewMention, NewTopicHit };

/**
 * The writes of `opinion_mentions` and `opinion_mention_topics`, for the opinion pipeline, which
 * decides what to store and calls these inside its own transaction. They carry no actor checks:
 * only the pipeline (fetch jobs, manual entry, CSV import, the seed) stores mentions, after its
 * verb has checked the actor. Unique hashes make a re-run or a race store nothing twice.
 */
export const storedHashes = (db: Executor, urlHashes: string[], contentHashes: string[]): Promise<{ urls: Set<string>; contents: Set<string> }> => findKnownHashes(db, urlHashes, contentHashes);

/** Returns the ids that were inserted (the others were already there). */
export const storeMentions = (tx: Executor, origin: MentionOrigin, items: NewMention[], fetchedAt: Date): Promise<Set<string>> => insertMentions(tx, origin, items, fetchedAt);

export const storeTopicHits = (tx: Executor, rows: NewTopicHit[]): Promise<void> => insertMentionTopics(tx, rows);
