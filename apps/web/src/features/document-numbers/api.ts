import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentKind, DocumentNumber, DocumentRegister, UpdateDocumentRegisterInput } from '@xuanlian/contracts';
import { api } from '../../shared/api/client.ts';

const registerKey = (orgId: string, kind: DocumentKind) => ['document-registers', orgId, kind] as const;

export function useDocumentRegister(orgId: string | null, kind: DocumentKind) {
  return useQuery({
    queryKey: registerKey(orgId ?? '', kind),
    enabled: !!orgId,
    queryFn: ({ signal }) => api.get<DocumentRegister>(`/document-registers/${orgId}/${kind}`, {}, signal),
  });
}

export function useDocumentNumbers(orgId: string | null, kind: DocumentKind, year: number) {
  return useQuery({
    queryKey: [...registerKey(orgId ?? '', kind), 'numbers', year],
    enabled: !!orgId,
    queryFn: ({ signal }) => api.get<{ items: DocumentNumber[] }>(`/document-registers/${orgId}/${kind}/numbers`, { year }, signal),
    select: (d) => d.items,
  });
}

export function useSaveDocumentRegister(orgId: string, kind: DocumentKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateDocumentRegisterInput) => api.put<DocumentRegister>(`/document-registers/${orgId}/${kind}`, input),
    onSuccess: (r) => qc.setQueryData(registerKey(orgId, kind), r),
  });
}
