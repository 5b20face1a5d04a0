import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { AuditAction, AuditLog, AuditVerifyOutput } from '@xuanlian/contracts';
import { api, downloadUrl } from '../../shared/api/client.ts';

export interface AuditFilters {
  actorId?: string;
  action?: AuditAction;
  orgId?: string;
  /** ISO 8601 with offset. */
  from?: string;
  to?: string;
}

export interface AuditPage {
  page: number;
  pageSize: number;
}

export function useAuditLogs(filters: AuditFilters, paging: AuditPage) {
  return useQuery({
    queryKey: ['audit-logs', filters, paging],
    queryFn: ({ signal }) => api.get<{ items: AuditLog[]; total: number }>('/audit-logs', { ...filters, ...paging }, signal),
    placeholderData: keepPreviousData,
  });
}

/** A plain link: the browser streams the .xlsx with the session cookie, whatever its size. */
export function auditExportUrl(filters: AuditFilters): string {
  return downloadUrl('/audit-logs/export', { ...filters });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.post<AuditVerifyOutput>('/audit-logs/verify') });
}
