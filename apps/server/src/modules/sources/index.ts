export { findSourcesInScope, sourceNames, findSourceInScope } from './sources.repo.ts';
export { sourcesRoutes } from './sources.routes.ts';
export { createSource } from './verbs/manage-sources.ts';
export { enqueueDueSources, runSourceFetch, FETCH_DUE_JOB, FETCH_SOURCE_JOB, type SourceRunResult } from './jobs.ts';
export { DEFAULT_FETCH_LIMITS, type FetchSettings } from './fetch/fetch-source.ts';
export { systemResolver, type Resolver, type ResolvedAddress } from './fetch/safe-fetch.ts';
// Outbound pushes (notifications' robot webhooks and mail) go through the same SSRF guard and allow-list.
export { safeFetch, resolveCheckedHost } from './fetch/safe-fetch.ts';
export { createAddressPolicy, type AddressPolicy } from './fetch/address-policy.ts';
export { FetchError } from './fetch/errors.ts';
export { readFetchPolicy } from './sources.repo.ts';
