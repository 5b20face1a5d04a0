import { systemCtx, type Services } from '../../core/context.ts';
import { currentAddressPolicy, FetchError } from '../../core/net/index.ts';
import { fetchSource, type FetchSettings } from './fetch/fetch-source.ts';
import type { WebSelectors } from '@xuanlian/contracts';
import { claimDueSources, recordFetch, sourceForFetch } from '../sources/index.ts';
import { ingestItems, type IngestOptions, type IngestResult } from './ingest/ingest.ts';
import { knownUrls } from './ingest/known-urls.ts';
import { ingestSourceOf } from './ingest/source.ts';

export const FETCH_DUE_JOB = 'opinion.fetch-due';
export const FETCH_SOURCE_JOB = 'opinion.fetch-source';

/**
 * Scheduled every minute: each due source becomes its own job, keyed by the source id, so a
 * slow or failing source never holds up another and is never fetched twice at once.
 */
export async function enqueueDueSources(services: Services): Promise<number> {
  return services.db.transaction(async (tx) => {
    const due = await claimDueSources(tx, 500);
    for (const s of due) await services.jobs.send(tx, FETCH_SOURCE_JOB, { sourceId: s.id }, { singletonKey: s.id, retryLimit: 2 });
    return due.length;
  });
}

export type SourceRunResult = { ok: true; notModified: boolean; ingest: IngestResult | null; warnings: string[] } | { ok: false; error: string };

/**
 * One source, end to end: fetch → parse → ingest. A fetch problem is recorded on the source's
 * health (in 中文) and ends the job normally: the next interval is the retry, and the other
 * sources are unaffected. The validators (ETag…) are saved only after the mentions committed,
 * so a crash in between re-reads the feed instead of losing items behind a 304.
 */
export async function runSourceFetch(services: Services, sourceId: string, settings: FetchSettings, ingest: IngestOptions = {}): Promise<SourceRunResult | null> {
  const source = await sourceForFetch(services.db, sourceId);
  if (!source || !source.enabled || source.kind === 'manual') return null;
  const policy = await currentAddressPolicy(services.db);
  let outcome;
  try {
    outcome = await fetchSource(
      { kind: source.kind, url: source.url, selectors: (source.selectors as WebSelectors | null) ?? null, etag: source.etag, lastModified: source.lastModified },
      settings,
      policy,
      (urls) => knownUrls(services.db, urls),
    );
  } catch (err) {
    if (!(err instanceof FetchError)) throw err;
    await recordFetch(services.db, source.id, { ok: false, error: err.message });
    return { ok: false, error: err.message };
  }
  if (outcome.kind === 'not_modified') {
    await recordFetch(services.db, source.id, { ok: true, stored: 0 });
    return { ok: true, notModified: true, ingest: null, warnings: [] };
  }
  const ctx = systemCtx(services, `fetch:${source.id}`);
  const result = await ingestItems(ctx, await ingestSourceOf(services.db, source), outcome.items, ingest);
  const warning = outcome.warnings.length > 0 ? `部分文章抓取失败（${outcome.warnings.length} 篇）：${outcome.warnings[0]}` : null;
  await recordFetch(services.db, source.id, { ok: true, stored: result.stored, etag: outcome.etag, lastModified: outcome.lastModified, error: warning });
  return { ok: true, notModified: false, ingest: result, warnings: outcome.warnings };
}
