import type { Source, SourceKind, WebSelectors } from '@xuanlian/contracts';
import type { SourceWithStats } from './sources.repo.ts';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export function presentSource(row: SourceWithStats): Source {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: row.orgName,
    name: row.name,
    kind: row.kind as SourceKind,
    url: row.url,
    selectors: (row.selectors as WebSelectors | null) ?? null,
    region: row.region,
    intervalMinutes: row.intervalMinutes,
    enabled: row.enabled,
    health: {
      lastFetchAt: iso(row.lastFetchAt),
      lastSuccessAt: iso(row.lastSuccessAt),
      lastError: row.lastError,
      lastErrorAt: iso(row.lastErrorAt),
      errorStreak: row.errorStreak,
      itemsLastDay: row.itemsLastDay,
      itemsTotal: Number(row.itemsTotal),
      nextFetchAt: row.kind === 'manual' || !row.enabled ? null : iso(row.nextFetchAt),
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
