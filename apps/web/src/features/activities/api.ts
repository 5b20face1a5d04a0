import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Activity,
  ActivityCategory,
  ActivitySummary,
  ActivityType,
  CreateActivityInput,
  CreateActivityTypeInput,
  RosterOutput,
  UpdateActivityInput,
  UpdateActivityTypeInput,
} from '@xuanlian/contracts';
import { api, downloadUrl } from '../../shared/api/client.ts';

export interface ActivityFilters {
  orgId?: string;
  year?: number;
  category?: ActivityCategory;
  page: number;
  pageSize: number;
}

export const activitiesKey = ['activities'] as const;

export function useActivityTypes() {
  return useQuery({ queryKey: ['activity-types'], queryFn: ({ signal }) => api.get<{ items: ActivityType[] }>('/activity-types', undefined, signal).then((r) => r.items), staleTime: 5 * 60_000 });
}

export function useActivities(filters: ActivityFilters) {
  return useQuery({
    queryKey: [...activitiesKey, 'list', filters],
    queryFn: ({ signal }) => api.get<{ items: ActivitySummary[]; total: number }>('/activities', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useActivity(id: string | undefined) {
  return useQuery({ queryKey: [...activitiesKey, 'one', id], queryFn: ({ signal }) => api.get<Activity>(`/activities/${id}`, undefined, signal), enabled: !!id });
}

export function useRoster(orgId: string | undefined) {
  return useQuery({
    queryKey: ['activity-roster', orgId],
    queryFn: ({ signal }) => api.get<RosterOutput>('/activities/roster', { orgId }, signal).then((r) => r.items),
    enabled: !!orgId,
  });
}

function useActivityMutation<T>(fn: (input: T) => Promise<Activity>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Targets are computed from the ledger: a new record changes their lights too.
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: activitiesKey }), qc.invalidateQueries({ queryKey: ['targets'] })]),
  });
}

export const useCreateActivity = () => useActivityMutation((input: CreateActivityInput) => api.post<Activity>('/activities', input));
export const useUpdateActivity = () => useActivityMutation(({ id, input }: { id: string; input: UpdateActivityInput }) => api.patch<Activity>(`/activities/${id}`, input));

export const studyArchiveUrl = (orgId: string, year: number) => downloadUrl('/activities/study-archive', { orgId, year });
export const activityFileUrl = (id: string, sha256: string) => downloadUrl(`/activities/${id}/files/${sha256}`);

function useTypeMutation<T>(fn: (input: T) => Promise<ActivityType>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['activity-types'] }) });
}
export const useCreateActivityType = () => useTypeMutation((input: CreateActivityTypeInput) => api.post<ActivityType>('/activity-types', input));
export const useUpdateActivityType = () => useTypeMutation(({ id, input }: { id: string; input: UpdateActivityTypeInput }) => api.patch<ActivityType>(`/activity-types/${id}`, input));
