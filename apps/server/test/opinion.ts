import type { OrgRow } from '../src/modules/orgs/index.ts';
import { createSource, DEFAULT_FETCH_LIMITS, type FetchSettings } from '../src/modules/sources/index.ts';
import { updateFetchPolicy } from '../src/modules/sources/verbs/manage-sources.ts';
import type { TestApp } from './app.ts';
import { stubResolver } from './feed-server.ts';

/** Every address the fetcher tried to connect to; anything but loopback is refused on the spot. */
export interface ConnectFence {
  attempts: string[];
  check: (address: string, port: number) => void;
}

export function connectFence(): ConnectFence {
  const attempts: string[] = [];
  return {
    attempts,
    check(address) {
      attempts.push(address);
      if (address !== '127.0.0.1') throw new Error(`test fence: refused to connect to ${address}`);
    },
  };
}

export function testFetchSettings(fence: ConnectFence, overrides: Partial<FetchSettings> = {}): FetchSettings {
  return {
    resolver: stubResolver,
    limits: { ...DEFAULT_FETCH_LIMITS, timeoutMs: 1500, maxBytes: 1024 * 1024 },
    maxArticles: 10,
    politeDelayMs: 0,
    beforeConnect: fence.check,
    ...overrides,
  };
}

/** The fixture server is on 127.0.0.1: the security admin's allow-list lets exactly that in. */
export async function allowFixtureServer(t: TestApp): Promise<void> {
  await updateFetchPolicy({ ctx: t.system, input: { allowCidrs: ['127.0.0.1/32'] } });
}

export async function buildSource(t: TestApp, org: OrgRow, input: { kind?: 'feed' | 'web' | 'manual'; url?: string | null; name?: string; region?: string | null; selectors?: { list: string; title?: string; content?: string } }) {
  return createSource({
    ctx: t.system,
    input: {
      orgId: org.id,
      name: input.name ?? '测试信源',
      kind: input.kind ?? 'feed',
      url: input.url ?? null,
      selectors: input.selectors ?? null,
      region: input.region ?? null,
      intervalMinutes: 30,
      enabled: true,
    },
  });
}
