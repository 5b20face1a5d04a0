import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, CreateChannelInput, CreateReleaseInput, Release, ReleaseReadiness, UpdateChannelInput, UpdateReleaseInput } from '@xuanlian/contracts';
import { api } from '../../shared/api/client.ts';

export const releasesKey = ['releases'] as const;

export function useChannels(orgId?: string) {
  return useQuery({
    queryKey: [...releasesKey, 'channels', orgId ?? 'all'],
    queryFn: ({ signal }) => api.get<{ items: Channel[] }>('/releases/channels', { orgId }, signal),
    select: (d) => d.items,
  });
}

export interface ReleaseFilters {
  channelId?: string;
  status?: 'released' | 'withdrawn';
  page: number;
  pageSize: number;
}

export function useReleases(filters: ReleaseFilters) {
  return useQuery({
    queryKey: [...releasesKey, 'list', filters],
    queryFn: ({ signal }) => api.get<{ items: Release[]; total: number }>('/releases', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSweep(days: number, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...releasesKey, 'sweep', days, page, pageSize],
    queryFn: ({ signal }) => api.get<{ items: Release[]; total: number }>('/releases/sweep', { days, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useReadiness(manuscriptId: string | undefined) {
  return useQuery({
    queryKey: [...releasesKey, 'readiness', manuscriptId],
    queryFn: ({ signal }) => api.get<ReleaseReadiness>('/releases/readiness', { manuscriptId }, signal),
    enabled: Boolean(manuscriptId),
  });
}

function useInvalidating<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: releasesKey }) });
}

export const useCreateRelease = () => useInvalidating((input: CreateReleaseInput) => api.post<Release>('/releases', input));
export const useRequestReleaseReview = () => useInvalidating((manuscriptId: string) => api.post<ReleaseReadiness>('/releases/review-requests', { manuscriptId }));
export const useWithdrawRelease = () => useInvalidating(({ id, reason }: { id: string; reason: string }) => api.post<Release>(`/releases/${id}/withdraw`, { reason }));
export const useKeepRelease = () => useInvalidating((id: string) => api.post<Release>(`/releases/${id}/keep`));
export const useUpdateRelease = () => useInvalidating(({ id, input }: { id: string; input: UpdateReleaseInput }) => api.patch<Release>(`/releases/${id}`, input));
export const useCreateChannel = () => useInvalidating((input: CreateChannelInput) => api.post<Channel>('/releases/channels', input));
export const useUpdateChannel = () => useInvalidating(({ id, input }: { id: string; input: UpdateChannelInput }) => api.patch<Channel>(`/releases/channels/${id}`, input));
