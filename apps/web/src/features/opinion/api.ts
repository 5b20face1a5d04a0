import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Alert,
  AlertRule,
  Brief,
  BriefFigures,
  BriefKind,
  ClusterView,
  CreateAlertRuleInput,
  CreateBriefInput,
  CreateIncidentInput,
  CreateSourceInput,
  CreateTopicInput,
  FetchPolicy,
  GradeIncidentInput,
  Incident,
  IncidentEvent,
  IncidentStage,
  IngestOutcome,
  ManualEntryInput,
  MarkMentionInput,
  Mention,
  MentionDetail,
  Sentiment,
  Source,
  SourceKind,
  Topic,
  TransitionIncidentInput,
  TryTopicInput,
  TryTopicOutput,
  UpdateAlertRuleInput,
  UpdateSourceInput,
  UpdateTopicInput,
  AlertDelivery,
  Grade,
} from '@xuanlian/contracts';
import { api, downloadUrl } from '../../shared/api/client.ts';

/** Everything of the opinion area hangs under one key: a new mention changes lists, alerts and figures alike. */
export const opinionKey = ['opinion'] as const;
const key = (...parts: unknown[]) => [...opinionKey, ...parts];

function useInvalidateOpinion() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: opinionKey });
}

function useOpinionMutation<I, O>(fn: (input: I) => Promise<O>) {
  const invalidate = useInvalidateOpinion();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidate() });
}

// ── 信源 ─────────────────────────────────────────────────────────────
export interface SourceFilters {
  orgId?: string;
  kind?: SourceKind;
  enabled?: 'true' | 'false';
  failing?: 'true' | 'false';
  page: number;
  pageSize: number;
}
export function useSources(filters: SourceFilters, opts: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: key('sources', filters),
    queryFn: ({ signal }) => api.get<{ items: Source[]; total: number }>('/sources', { ...filters }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: opts.refetchInterval,
  });
}
/** All sources in scope, for pickers (topics, rules, mention filters). */
export const useSourceOptions = () => useSources({ page: 1, pageSize: 200 });
export const useCreateSource = () => useOpinionMutation((input: CreateSourceInput) => api.post<Source>('/sources', input));
export const useUpdateSource = () => useOpinionMutation(({ id, input }: { id: string; input: UpdateSourceInput }) => api.patch<Source>(`/sources/${id}`, input));
export const useDeleteSource = () => useOpinionMutation((id: string) => api.delete<{ deleted: boolean }>(`/sources/${id}`));
export const useFetchNow = () => useOpinionMutation((id: string) => api.post<{ queued: boolean; message: string }>(`/sources/${id}/fetch`));
export const useManualEntry = () => useOpinionMutation(({ id, input }: { id: string; input: ManualEntryInput }) => api.post<IngestOutcome>(`/sources/${id}/entries`, input));
export const useImportCsv = () => useOpinionMutation(({ id, file }: { id: string; file: File }) => api.upload<IngestOutcome>(`/sources/${id}/import`, file));

export function useFetchPolicy(enabled: boolean) {
  return useQuery({ queryKey: ['fetch-policy'], queryFn: ({ signal }) => api.get<FetchPolicy>('/sources/fetch-policy', undefined, signal), enabled });
}
export function useSaveFetchPolicy() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (p: FetchPolicy) => api.put<FetchPolicy>('/sources/fetch-policy', p), onSuccess: (p) => qc.setQueryData(['fetch-policy'], p) });
}

// ── 监测专题 ─────────────────────────────────────────────────────────
export function useTopics(filters: { orgId?: string; q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: key('topics', filters),
    queryFn: ({ signal }) => api.get<{ items: Topic[]; total: number }>('/topics', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}
export const useTopicOptions = () => useTopics({ page: 1, pageSize: 200 });
export const useCreateTopic = () => useOpinionMutation((input: CreateTopicInput) => api.post<Topic>('/topics', input));
export const useUpdateTopic = () => useOpinionMutation(({ id, input }: { id: string; input: UpdateTopicInput }) => api.patch<Topic>(`/topics/${id}`, input));
export const useDeleteTopic = () => useOpinionMutation((id: string) => api.delete<{ deleted: boolean }>(`/topics/${id}`));
export const useTryTopic = () => useMutation({ mutationFn: (input: TryTopicInput) => api.post<TryTopicOutput>('/topics/try', input) });

// ── 舆情信息 ─────────────────────────────────────────────────────────
export interface MentionFilters {
  topicId?: string;
  sourceId?: string;
  clusterId?: string;
  sentiment?: Sentiment;
  from?: string;
  to?: string;
  read?: 'true' | 'false';
  important?: 'true' | 'false';
  irrelevant?: 'true' | 'false';
  q?: string;
  page: number;
  pageSize: number;
}
export function useMentions(filters: MentionFilters) {
  return useQuery({
    queryKey: key('mentions', filters),
    queryFn: ({ signal }) => api.get<{ items: Mention[]; total: number }>('/mentions', { ...filters }, signal),
    placeholderData: keepPreviousData,
    // New items arrive from the fetch jobs; a watch page keeps itself current.
    refetchInterval: 30_000,
  });
}
export function useMention(id: string | undefined) {
  return useQuery({ queryKey: key('mention', id), queryFn: ({ signal }) => api.get<MentionDetail>(`/mentions/${id}`, undefined, signal), enabled: !!id });
}
export function useCluster(id: string | undefined) {
  return useQuery({ queryKey: key('cluster', id), queryFn: ({ signal }) => api.get<ClusterView>(`/mentions/clusters/${id}`, undefined, signal), enabled: !!id });
}
export const useMarkMention = () => useOpinionMutation(({ id, input }: { id: string; input: MarkMentionInput }) => api.patch<MentionDetail>(`/mentions/${id}`, input));
export const useMarkManyRead = () => useOpinionMutation((ids: string[]) => api.post<{ marked: number }>('/mentions/read', { ids, read: true }));

// ── 预警 ─────────────────────────────────────────────────────────────
export function useInbox(filters: { unread?: 'true' | 'false'; page: number; pageSize: number }) {
  return useQuery({
    queryKey: key('inbox', filters),
    queryFn: ({ signal }) => api.get<{ items: AlertDelivery[]; total: number; unread: number }>('/alerts/inbox', { ...filters }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}
export function useAlerts(filters: { topicId?: string; status?: 'open' | 'acknowledged'; severity?: Grade; page: number; pageSize: number }) {
  return useQuery({
    queryKey: key('alerts', filters),
    queryFn: ({ signal }) => api.get<{ items: Alert[]; total: number }>('/alerts', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}
export const useReadDelivery = () => useOpinionMutation((id: string) => api.post<void>(`/alerts/inbox/${id}/read`));
export const useAckAlert = () => useOpinionMutation((id: string) => api.post<Alert>(`/alerts/${id}/ack`));
export function useAlertRules(topicId?: string) {
  return useQuery({ queryKey: key('alert-rules', topicId), queryFn: ({ signal }) => api.get<{ items: AlertRule[] }>('/alerts/rules', { topicId }, signal).then((r) => r.items) });
}
export const useCreateAlertRule = () => useOpinionMutation((input: CreateAlertRuleInput) => api.post<AlertRule>('/alerts/rules', input));
export const useUpdateAlertRule = () => useOpinionMutation(({ id, input }: { id: string; input: UpdateAlertRuleInput }) => api.patch<AlertRule>(`/alerts/rules/${id}`, input));

// ── 舆情事件 ─────────────────────────────────────────────────────────
export interface IncidentFilters {
  orgId?: string;
  stage?: IncidentStage;
  grade?: Grade;
  open?: 'true' | 'false';
  overdue?: 'true' | 'false';
  page: number;
  pageSize: number;
}
export function useIncidents(filters: IncidentFilters) {
  return useQuery({
    queryKey: key('incidents', filters),
    queryFn: ({ signal }) => api.get<{ items: Incident[]; total: number }>('/incidents', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}
export function useIncident(id: string | undefined) {
  return useQuery({ queryKey: key('incident', id), queryFn: ({ signal }) => api.get<Incident>(`/incidents/${id}`, undefined, signal), enabled: !!id });
}
export function useIncidentTimeline(id: string | undefined) {
  return useQuery({
    queryKey: key('incident-timeline', id),
    queryFn: ({ signal }) => api.get<{ items: IncidentEvent[] }>(`/incidents/${id}/timeline`, undefined, signal).then((r) => r.items),
    enabled: !!id,
  });
}
export const useCreateIncident = () => useOpinionMutation((input: CreateIncidentInput) => api.post<Incident>('/incidents', input));
/** Refreshes on failure too: a 409 means someone else moved it, and the page must show where to. */
export function useTransitionIncident() {
  const invalidate = useInvalidateOpinion();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: TransitionIncidentInput }) => api.post<Incident>(`/incidents/${id}/transitions`, input),
    onSettled: () => invalidate(),
  });
}
export const useGradeIncident = () => useOpinionMutation(({ id, input }: { id: string; input: GradeIncidentInput }) => api.post<Incident>(`/incidents/${id}/grade`, input));
export const useNoteIncident = () => useOpinionMutation(({ id, note }: { id: string; note: string }) => api.post<{ items: IncidentEvent[] }>(`/incidents/${id}/notes`, { note }));

// ── 舆情简报 ─────────────────────────────────────────────────────────
export function useBriefs(filters: { orgId?: string; kind?: BriefKind; page: number; pageSize: number }) {
  return useQuery({
    queryKey: key('briefs', filters),
    queryFn: ({ signal }) => api.get<{ items: Brief[]; total: number }>('/briefs', { ...filters }, signal),
    placeholderData: keepPreviousData,
    // A requested brief is written by a job: poll while one is pending.
    refetchInterval: (q) => (q.state.data?.items.some((b) => b.status === 'pending') ? 2000 : false),
  });
}
export const useRequestBrief = () => useOpinionMutation((input: CreateBriefInput) => api.post<Brief>('/briefs', input));
export function useBriefFigures(query: { from: string; to: string; orgId?: string }) {
  return useQuery({
    queryKey: key('figures', query),
    queryFn: ({ signal }) => api.get<BriefFigures>('/briefs/figures', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}
export const briefDocxUrl = (id: string) => downloadUrl(`/briefs/${id}/docx`);
