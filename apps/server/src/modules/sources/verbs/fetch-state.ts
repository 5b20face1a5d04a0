import type { Executor } from '@xuanlian/db';
import { claimDueSources as claimDue, findSourceById, orgPathOf, recordFetch as record, type FetchHealth, type SourceRow } from '../sources.repo.ts';

export type { FetchHealth, SourceRow };

/**
 * A source's fetch state (schedule, health, HTTP validators) for the opinion pipeline's fetch
 * jobs and entries, which call these inside their own transactions after their verb checked the
 * actor; the sources module stays the only writer of `opinion_sources`.
 */

export const claimDueSources = (tx: Executor, limit: number): Promise<Array<{ id: string }>> => claimDue(tx, limit);

/** The source as the fetch job reads it, whatever the scope (the job runs as the system actor). */
export const sourceForFetch = (db: Executor, id: string): Promise<SourceRow | undefined> => findSourceById(db, id);

export const recordFetch = (tx: Executor, id: string, health: FetchHealth): Promise<void> => record(tx, id, health);

/** The path of the source's unit: it decides whose topics may match what was entered by hand. */
export const sourceOrgPath = (db: Executor, source: Pick<SourceRow, 'orgId'>): Promise<string> => orgPathOf(db, source.orgId);
