// The opinion feature's surface for other features: the security page edits the fetcher's allow-list.
export { useFetchPolicy, useSaveFetchPolicy } from './api.ts';
