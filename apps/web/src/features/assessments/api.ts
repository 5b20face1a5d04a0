import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssessmentOutput, AssessmentQuery, SaveAssessmentWeightsInput } from '@xuanlian/contracts';
import { api, downloadUrl } from '../../shared/api/client.ts';

export const assessmentKey = ['assessments'] as const;

export function useAssessment(q: AssessmentQuery) {
  return useQuery({ queryKey: [...assessmentKey, q], queryFn: ({ signal }) => api.get<AssessmentOutput>('/assessments', { ...q }, signal) });
}
export function useSaveWeights() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveAssessmentWeightsInput) => api.put<AssessmentOutput>('/assessments/weights', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: assessmentKey }),
  });
}
export const assessmentXlsxUrl = (q: AssessmentQuery) => downloadUrl('/assessments/export.xlsx', { ...q });
