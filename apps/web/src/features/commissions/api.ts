import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Commission, CreateCommissionInput } from '@xuanlian/contracts';
import { api } from '../../shared/api/client.ts';

export const commissionsKey = ['commissions'] as const;

export function useCommissions(filters: { status?: 'open' | 'closed'; page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: [...commissionsKey, 'list', filters],
    queryFn: ({ signal }) => api.get<{ items: Commission[]; total: number }>('/commissions', { ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMissedCommissions(orgId?: string) {
  return useQuery({
    queryKey: [...commissionsKey, 'missed', orgId ?? 'all'],
    queryFn: ({ signal }) => api.get<{ items: Array<{ commissionId: string; topic: string; dueAt: string; orgId: string; orgName: string }> }>('/commissions/missed', { orgId }, signal),
    select: (d) => d.items,
  });
}

export function useCreateCommission() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCommissionInput) => api.post<Commission>('/commissions', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: commissionsKey }),
  });
}

export function useSetCommissionStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: 'open' | 'closed' }) => api.patch<Commission>(`/commissions/${id}`, { status }),
    onSuccess: () => qc.invalidateQueries({ queryKey: commissionsKey }),
  });
}
