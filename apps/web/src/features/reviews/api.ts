import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BulkApproveOutput, CreateReviewPolicyInput, DecisionInput, Manuscript, PendingReview, PolicyPurpose, ReviewPolicy, ReviewStep, UpdateReviewPolicyInput } from '@xuanlian/contracts';
import { api } from '../../shared/api/client.ts';

export const reviewsKey = ['reviews'] as const;

export function usePendingReviews(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...reviewsKey, 'pending', page, pageSize],
    queryFn: ({ signal }) => api.get<{ items: PendingReview[]; total: number }>('/reviews/pending', { page, pageSize }, signal),
    placeholderData: keepPreviousData,
    // Coming back to the list shows what is pending now, not what was cached a minute ago.
    refetchOnMount: 'always',
    refetchInterval: 60_000,
  });
}

/** The menu badge: polled, so a new submission shows up without a reload. */
export function usePendingCount(enabled: boolean) {
  return useQuery({
    queryKey: [...reviewsKey, 'count'],
    queryFn: ({ signal }) => api.get<{ count: number; overdue: number }>('/reviews/pending/count', undefined, signal),
    refetchInterval: 30_000,
    staleTime: 10_000,
    enabled,
  });
}

export function useOverdueReviews(enabled: boolean) {
  return useQuery({
    queryKey: [...reviewsKey, 'overdue'],
    queryFn: ({ signal }) => api.get<{ items: PendingReview[]; total: number }>('/reviews/overdue', { page: 1, pageSize: 50 }, signal),
    enabled,
  });
}

export function useSteps(manuscriptId: string) {
  return useQuery({
    queryKey: [...reviewsKey, 'steps', manuscriptId],
    queryFn: ({ signal }) => api.get<{ items: ReviewStep[] }>(`/manuscripts/${manuscriptId}/steps`, undefined, signal),
    select: (d) => d.items,
  });
}

export const decide = (stepId: string, input: Omit<DecisionInput, 'comment'> & { comment?: string }) => api.post<Manuscript>(`/reviews/steps/${stepId}/decisions`, input);

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: reviewsKey });
    void qc.invalidateQueries({ queryKey: ['manuscripts'], predicate: (q) => q.queryKey[1] !== 'detail' });
    void qc.invalidateQueries({ queryKey: ['notifications'] });
  };
}

export function useDecide() {
  const done = useInvalidate();
  return useMutation({ mutationFn: ({ stepId, input }: { stepId: string; input: Parameters<typeof decide>[1] }) => decide(stepId, input), onSettled: done });
}

export function useBulkApprove() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (input: { stepIds: string[]; comment?: string }) => api.post<BulkApproveOutput>('/reviews/bulk-approve', input),
    onSettled: done,
  });
}

export function usePolicies(purpose?: PolicyPurpose) {
  return useQuery({
    queryKey: [...reviewsKey, 'policies', purpose ?? 'all'],
    queryFn: ({ signal }) => api.get<{ items: ReviewPolicy[] }>('/reviews/policies', { purpose }, signal),
    select: (d) => d.items,
  });
}

export function usePolicyMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: [...reviewsKey, 'policies'] });
  return {
    create: useMutation({ mutationFn: (input: CreateReviewPolicyInput) => api.post<ReviewPolicy>('/reviews/policies', input), onSuccess }),
    update: useMutation({ mutationFn: ({ id, input }: { id: string; input: UpdateReviewPolicyInput }) => api.patch<ReviewPolicy>(`/reviews/policies/${id}`, input), onSuccess }),
  };
}
