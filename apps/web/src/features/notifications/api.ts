import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationChannel, Delivery, DeliveryChannel, DeliveryStatus, Notification, NotificationKind, NotificationSettings, PreferencesOutput } from '@xuanlian/contracts';
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

// ── 通知设置 / 通知渠道 / 发送记录 ──────────────────────────────────────────────────────────────

export function usePreferences() {
  return useQuery({
    queryKey: [...notificationsKey, 'preferences'],
    queryFn: ({ signal }) => api.get<PreferencesOutput>('/notifications/preferences', undefined, signal),
  });
}

export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: Array<{ kind: NotificationKind; inapp: boolean; email: boolean }>) => api.put<PreferencesOutput>('/notifications/preferences', { items }),
    onSuccess: (data) => qc.setQueryData([...notificationsKey, 'preferences'], data),
  });
}

const channelsKey = [...notificationsKey, 'channels'] as const;

export function useChannels() {
  return useQuery({
    queryKey: channelsKey,
    queryFn: ({ signal }) => api.get<{ items: NotificationChannel[] }>('/notifications/channels', undefined, signal),
  });
}

export function useSaveChannel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: object }) =>
      id ? api.patch<NotificationChannel>(`/notifications/channels/${id}`, body) : api.post<NotificationChannel>('/notifications/channels', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: channelsKey }),
  });
}

export function useDeleteChannel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ deleted: true }>(`/notifications/channels/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: channelsKey }),
  });
}

export function useTestChannel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, to }: { id: string; to?: string }) => api.post<{ ok: boolean; message: string; deliveryId: string }>(`/notifications/channels/${id}/test`, to ? { to } : {}),
    onSettled: () => qc.invalidateQueries({ queryKey: [...notificationsKey, 'deliveries'] }),
  });
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: [...notificationsKey, 'settings'],
    queryFn: ({ signal }) => api.get<NotificationSettings>('/notifications/settings', undefined, signal),
  });
}

export function useSaveNotificationSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettings) => api.put<NotificationSettings>('/notifications/settings', body),
    onSuccess: (data) => qc.setQueryData([...notificationsKey, 'settings'], data),
  });
}

export interface DeliveryFilters {
  orgId?: string;
  status?: DeliveryStatus;
  channel?: DeliveryChannel;
  kind?: NotificationKind;
  from?: string;
  to?: string;
}

export function useDeliveries(filters: DeliveryFilters, paging: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...notificationsKey, 'deliveries', filters, paging],
    queryFn: ({ signal }) => api.get<{ items: Delivery[]; total: number }>('/notifications/deliveries', { ...filters, ...paging }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRetryDelivery() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ ok: true }>(`/notifications/deliveries/${id}/retry`),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...notificationsKey, 'deliveries'] }),
  });
}
