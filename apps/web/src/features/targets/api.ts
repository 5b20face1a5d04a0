import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnnualSummaryOutput, CoverageOutput, SetTargetInput, TargetBoardOutput, TargetsOutput } from '@xuanlian/contracts';
import { api, downloadUrl } from '../../shared/api/client.ts';

export const targetsKey = ['targets'] as const;

export function useTargets(orgId: string | undefined, year: number) {
  return useQuery({
    queryKey: [...targetsKey, 'unit', orgId, year],
    queryFn: ({ signal }) => api.get<TargetsOutput>('/targets', { orgId, year }, signal),
    enabled: !!orgId,
  });
}

export function useBoard(orgId: string | undefined, year: number, enabled: boolean) {
  return useQuery({ queryKey: [...targetsKey, 'board', orgId, year], queryFn: ({ signal }) => api.get<TargetBoardOutput>('/targets/board', { orgId, year }, signal), enabled });
}

export function useCoverage(orgId: string | undefined, year: number, enabled: boolean) {
  return useQuery({ queryKey: [...targetsKey, 'coverage', orgId, year], queryFn: ({ signal }) => api.get<CoverageOutput>('/targets/coverage', { orgId, year }, signal), enabled });
}

export function useSummaryFigures(orgId: string | undefined, year: number, enabled: boolean) {
  return useQuery({
    queryKey: [...targetsKey, 'summary', orgId, year],
    queryFn: ({ signal }) => api.get<AnnualSummaryOutput>('/annual-summaries', { orgId, year }, signal),
    enabled: enabled && !!orgId,
  });
}

export function useSetTarget() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (input: SetTargetInput) => api.put<TargetsOutput>('/targets', input), onSuccess: () => qc.invalidateQueries({ queryKey: targetsKey }) });
}

export const annualSummaryUrl = (orgId: string, year: number) => downloadUrl('/annual-summaries/docx', { orgId, year });
