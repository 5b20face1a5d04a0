export { findSourcesInScope, sourceNames, findSourceInScope } from './sources.repo.ts';
export { sourcesRoutes } from './sources.routes.ts';
export { createSource } from './verbs/manage-sources.ts';
export { claimDueSources, sourceForFetch, recordFetch, sourceOrgPath, type FetchHealth, type SourceRow } from './verbs/fetch-state.ts';
