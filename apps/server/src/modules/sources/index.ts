export { findSourcesInScope, sourceNames, findSourceInScope } from './sources.repo.ts';
export { sourcesRoutes } from './sources.routes.ts';
export { createSource } from './verbs/manage-sources.ts';
export { enqueueDueSources, runSourceFetch, FETCH_DUE_JOB, FETCH_SOURCE_JOB, type SourceRunResult } from './jobs.ts';
export { DEFAULT_FETCH_LIMITS, type FetchSettings } from './fetch/fetch-source.ts';
