import { useQuery } from '@tanstack/react-query';
import type { DashboardOutput, DashboardQuery } from '@xuanlian/contracts';
import { api } from '../../shared/api/client.ts';

export function useDashboard(q: DashboardQuery) {
  return useQuery({ queryKey: ['scoring', 'dashboard', q], queryFn: ({ signal }) => api.get<DashboardOutput>('/dashboard', { ...q }, signal) });
}
