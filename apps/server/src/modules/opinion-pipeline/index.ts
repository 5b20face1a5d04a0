export { opinionPipelineRoutes } from './opinion-pipeline.routes.ts';
export { enqueueDueSources, runSourceFetch, FETCH_DUE_JOB, FETCH_SOURCE_JOB, type SourceRunResult } from './jobs.ts';
export { DEFAULT_FETCH_LIMITS, type FetchSettings } from './fetch/fetch-source.ts';
export { ingestItems, type IngestResult, type IngestOptions } from './ingest/ingest.ts';
export type { RawItem, IngestSource } from './ingest/types.ts';
export { addManualEntry, importEntries, requestFetch } from './verbs/entries.ts';
export { tryTopic } from './verbs/try-topic.ts';
