// Every outbound request of the server goes through here: the SSRF guard, the blocked ranges and
// the security admin's allow-list. Modules import this barrel, never a file inside.
export { createAddressPolicy, type AddressPolicy } from './address-policy.ts';
export { FetchError, fetchError, type FetchErrorCode } from './errors.ts';
export { currentAddressPolicy, readFetchPolicy, writeFetchPolicy } from './fetch-policy.ts';
export { resolveCheckedHost, safeFetch, systemResolver, type FetchLimits, type FetchRequest, type FetchResult, type ResolvedAddress, type Resolver, type SafeFetchOptions } from './safe-fetch.ts';
