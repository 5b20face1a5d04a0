import type { Executor } from '@xuanlian/db';
import { DEFAULT_FETCH_POLICY, FetchPolicy } from '@xuanlian/contracts';
import { settingStore } from '../settings.ts';
import { createAddressPolicy, type AddressPolicy } from './address-policy.ts';

/**
 * The security admin's allow-list for every outbound request (feeds, robot webhooks, mail servers,
 * adoption evidence pages): one setting, so allowing an intranet range allows it for all of them.
 */
const store = settingStore('opinion_fetch_policy', FetchPolicy, DEFAULT_FETCH_POLICY);

export const readFetchPolicy = store.read;
export const writeFetchPolicy = store.write;

/** The address policy as it stands now: read at the start of each run, so a change applies at once. */
export async function currentAddressPolicy(db: Executor): Promise<AddressPolicy> {
  return createAddressPolicy((await readFetchPolicy(db)).allowCidrs);
}
