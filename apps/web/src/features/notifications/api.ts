import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notification } from '@xuanlian/contracts';
import { api } from '../../shared/api/client.ts';

export const notificationsKey = ['notifications'] as const;

export function useUnreadCount() {
  return useQuery({
    queryKey: [...notificationsKey, 'unread'],
    queryFn: ({ signal }) => api.get<{ count: number }>('/notifications/unread-count', undefined, signal),
    select: (d) => d.count,
    refetchInterval: 30_000,
    staleTime: 10_000,
  });
}

export function useInbox(enabled: boolean) {
  return useQuery({
    queryKey: [...notificationsKey, 'list'],
    queryFn: ({ signal }) => api.get<{ items: Notification[]; total: number; unread: number }>('/notifications', { page: 1, pageSize: 20 }, signal),
    enabled,
    staleTime: 0,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') => api.post<{ updated: number }>(id === 'all' ? '/notifications/read-all' : `/notifications/${id}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationsKey }),
  });
}
