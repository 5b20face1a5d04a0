import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Adoption,
  AdoptionListQuery,
  CreateAdoptionInput,
  CreateEndorsementInput,
  CreateOutletInput,
  CreateScoringRuleInput,
  Endorsement,
  ExplainOutput,
  Outlet,
  QuotaGridOutput,
  QuotaImportResult,
  SaveQuotasInput,
  ScoringRuleVersion,
  StatisticsOutput,
  StatisticsQuery,
  TrendOutput,
} from '@xuanlian/contracts';
import type { ScorePeriodListOutput, ScoringRuleListOutput } from '@xuanlian/contracts';
import { api, downloadUrl } from '../../shared/api/client.ts';

/** Everything a score depends on shares one key: recording or verifying anything refreshes it all. */
export const scoringKey = ['scoring'] as const;

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: scoringKey });
}

export function useOutlets() {
  return useQuery({ queryKey: [...scoringKey, 'outlets'], queryFn: ({ signal }) => api.get<{ items: Outlet[]; canManage: boolean }>('/outlets', {}, signal) });
}
export function useCreateOutlet() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (input: CreateOutletInput) => api.post<Outlet>('/outlets', input), onSuccess: done });
}
export function useUpdateOutlet() {
  const done = useInvalidate();
  return useMutation({ mutationFn: ({ id, ...input }: Partial<CreateOutletInput> & { id: string; active?: boolean }) => api.patch<Outlet>(`/outlets/${id}`, input), onSuccess: done });
}

export function useAdoptions(query: Partial<AdoptionListQuery>) {
  return useQuery({
    queryKey: [...scoringKey, 'adoptions', query],
    queryFn: ({ signal }) => api.get<{ items: Adoption[]; total: number }>('/adoptions', { ...query, toVerify: query.toVerify ? 'true' : undefined }, signal),
    // The page behind a new adoption's link is saved a moment after entry: look again until it is.
    refetchInterval: (q) => (q.state.data?.items.some((x) => x.url && !x.evidence && !x.evidenceNote && x.status === 'pending') ? 3000 : false),
  });
}
export function useCreateAdoption() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (input: CreateAdoptionInput) => api.post<Adoption>('/adoptions', input), onSuccess: done });
}
export function useVerifyAdoption() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.post<Adoption>(`/adoptions/${id}/verify`), onSuccess: done });
}
export function useRejectAdoption() {
  const done = useInvalidate();
  return useMutation({ mutationFn: ({ id, reason }: { id: string; reason: string }) => api.post<Adoption>(`/adoptions/${id}/reject`, { reason }), onSuccess: done });
}
export function useUploadEvidence() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => api.upload<Adoption>(`/adoptions/${id}/evidence`, file),
    onSuccess: done,
  });
}
export const evidenceUrl = (id: string) => `/api/adoptions/${id}/evidence`;

export function useEndorsements(orgId?: string) {
  return useQuery({ queryKey: [...scoringKey, 'endorsements', orgId], queryFn: ({ signal }) => api.get<{ items: Endorsement[] }>('/endorsements', { orgId }, signal) });
}
export function useCreateEndorsement() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (input: CreateEndorsementInput) => api.post<Endorsement>('/endorsements', input), onSuccess: done });
}

export function useRules() {
  return useQuery({ queryKey: [...scoringKey, 'rules'], queryFn: ({ signal }) => api.get<ScoringRuleListOutput>('/scoring-rules', {}, signal) });
}
export function useCreateRule() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (input: CreateScoringRuleInput) => api.post<ScoringRuleVersion>('/scoring-rules', input), onSuccess: done });
}
export function usePeriods() {
  return useQuery({ queryKey: [...scoringKey, 'periods'], queryFn: ({ signal }) => api.get<ScorePeriodListOutput>('/scoring-rules/periods', {}, signal) });
}
export function useClosePeriod() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (period: string) => api.post(`/scoring-rules/periods/${period}/close`), onSuccess: done });
}
export function useExplain(q: { orgId?: string | undefined; userId?: string | undefined; from?: string | undefined; to?: string | undefined }) {
  return useQuery({ queryKey: [...scoringKey, 'explain', q], queryFn: ({ signal }) => api.get<ExplainOutput>('/scoring-rules/explain', q, signal) });
}

export function useQuotas(year: number, orgId?: string) {
  return useQuery({ queryKey: [...scoringKey, 'quotas', year, orgId], queryFn: ({ signal }) => api.get<QuotaGridOutput>('/quotas', { year, orgId }, signal) });
}
export function useSaveQuotas() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (input: SaveQuotasInput) => api.put<QuotaGridOutput>('/quotas', input), onSuccess: done });
}
export function useImportQuotas() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ year, file }: { year: number; file: File }) => api.upload<QuotaImportResult>('/quotas/import', file, { year }),
    onSuccess: done,
  });
}
export const quotaTemplateUrl = (year: number) => downloadUrl('/quotas/template.xlsx', { year });

export function useStatistics(q: StatisticsQuery) {
  return useQuery({ queryKey: [...scoringKey, 'statistics', q], queryFn: ({ signal }) => api.get<StatisticsOutput>('/statistics', { ...q }, signal) });
}
export function useTrend(year: number, orgId?: string) {
  return useQuery({ queryKey: [...scoringKey, 'trend', year, orgId], queryFn: ({ signal }) => api.get<TrendOutput>('/statistics/trend', { year, orgId }, signal) });
}
export const statisticsXlsxUrl = (q: StatisticsQuery) => downloadUrl('/statistics/export.xlsx', { ...q });
