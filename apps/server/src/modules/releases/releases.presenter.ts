import { CHANNEL_KINDS, type Channel, type ChannelKind, type Release } from '@xuanlian/contracts';
import type { ChannelRow, ReleaseRow } from './releases.repo.ts';

const kindOf = (k: string): ChannelKind => ((CHANNEL_KINDS as readonly string[]).includes(k) ? (k as ChannelKind) : 'other');

export function presentChannel(r: ChannelRow, editable: (orgId: string) => boolean): Channel {
  return {
    id: r.id,
    orgId: r.orgId,
    orgName: r.orgName,
    name: r.name,
    kind: kindOf(r.kind),
    homeUrl: r.homeUrl,
    sortOrder: r.sortOrder,
    status: r.status === 'disabled' ? 'disabled' : 'active',
    editable: editable(r.orgId),
  };
}

/** Whole days since the post was released or last confirmed as current. */
export function ageDays(r: Pick<ReleaseRow, 'releasedAt' | 'reviewedAt'>, now = new Date()): number {
  const since = r.reviewedAt ?? r.releasedAt;
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / 86_400_000));
}

export function presentRelease(r: ReleaseRow, now = new Date()): Release {
  return {
    id: r.id,
    manuscriptId: r.manuscriptId,
    orgId: r.orgId,
    orgName: r.orgName,
    channelId: r.channelId,
    channelName: r.channelName,
    channelKind: kindOf(r.channelKind),
    title: r.title,
    url: r.url,
    reach: r.reach,
    releasedAt: r.releasedAt.toISOString(),
    releasedByName: r.releasedByName,
    status: r.status === 'withdrawn' ? 'withdrawn' : 'released',
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    reviewedByName: r.reviewedByName,
    withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
    withdrawnReason: r.withdrawnReason,
    withdrawnByName: r.withdrawnByName,
    ageDays: ageDays(r, now),
  };
}
