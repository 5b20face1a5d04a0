import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AuthorCandidate,
  CheckResult,
  CreateManuscriptInput,
  Genre,
  Importance,
  Manuscript,
  ManuscriptStatus,
  ManuscriptSummary,
  ManuscriptVersion,
  SaveDraftInput,
  SaveDraftOutput,
  SubmissionRule,
  UpdateSubmissionRuleInput,
  UploadedFile,
  UrgentChain,
  VersionDiff,
} from '@xuanlian/contracts';
import { api, downloadUrl, type QueryParams } from '../../shared/api/client.ts';

export const manuscriptsKey = ['manuscripts'] as const;

export interface ManuscriptFilters {
  view: 'mine' | 'all';
  status?: ManuscriptStatus;
  orgId?: string;
  categoryId?: string;
  genre?: Genre;
  importance?: Importance;
  commissionId?: string;
  from?: string;
  to?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export function useManuscripts(filters: ManuscriptFilters) {
  return useQuery({
    queryKey: [...manuscriptsKey, 'list', filters],
    queryFn: ({ signal }) => api.get<{ items: ManuscriptSummary[]; total: number }>('/manuscripts', { ...filters }, signal),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
  });
}

export function exportManuscriptsUrl(filters: ManuscriptFilters): string {
  const { page: _p, pageSize: _s, ...rest } = filters;
  return downloadUrl('/manuscripts/export.xlsx', rest as QueryParams);
}

export const manuscriptKey = (id: string) => [...manuscriptsKey, 'detail', id] as const;

export function useManuscript(id: string) {
  return useQuery({
    queryKey: manuscriptKey(id),
    queryFn: ({ signal }) => api.get<Manuscript>(`/manuscripts/${id}`, undefined, signal),
    // The editor owns the working copy: no background refetch may replace what is being typed,
    // and nothing stale may be shown when the page opens again (its revision would conflict).
    staleTime: Infinity,
    gcTime: 0,
  });
}

/** After any act on a manuscript: the lists, its detail, its steps and versions are stale. */
export function useInvalidateManuscript() {
  const qc = useQueryClient();
  return (m?: Manuscript) => {
    if (m) qc.setQueryData(manuscriptKey(m.id), m);
    // Never the open manuscript: its page replaces it explicitly (a refetch would reset the editor).
    void qc.invalidateQueries({ queryKey: manuscriptsKey, predicate: (q) => q.queryKey[1] !== 'detail' });
    void qc.invalidateQueries({ queryKey: ['reviews'] });
    void qc.invalidateQueries({ queryKey: ['urgent'] });
  };
}

export function useCreateManuscript() {
  const done = useInvalidateManuscript();
  return useMutation({ mutationFn: (input: CreateManuscriptInput) => api.post<Manuscript>('/manuscripts', input), onSuccess: done });
}

export function useImportManuscript() {
  const done = useInvalidateManuscript();
  return useMutation({ mutationFn: (file: File) => api.upload<Manuscript>('/manuscripts/import', file), onSuccess: done });
}

export const saveDraft = (id: string, input: SaveDraftInput) => api.put<SaveDraftOutput>(`/manuscripts/${id}/draft`, input);
export const checkManuscript = (id: string) => api.post<CheckResult>(`/manuscripts/${id}/check`);
export const submitManuscript = (id: string, idempotencyKey: string, revision?: number) => api.post<Manuscript>(`/manuscripts/${id}/submit`, { idempotencyKey, ...(revision ? { revision } : {}) });
export const uploadImage = (id: string, file: File) => api.upload<UploadedFile>(`/manuscripts/${id}/files`, file, { kind: 'image' });

export function useWithdraw(id: string) {
  const done = useInvalidateManuscript();
  return useMutation({ mutationFn: () => api.post<Manuscript>(`/manuscripts/${id}/withdraw`, {}), onSuccess: done });
}

export function useVersions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...manuscriptsKey, id, 'versions'],
    queryFn: ({ signal }) => api.get<{ items: ManuscriptVersion[] }>(`/manuscripts/${id}/versions`, undefined, signal),
    enabled,
  });
}

export function useVersionDiff(id: string, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: [...manuscriptsKey, id, 'diff', from, to],
    queryFn: ({ signal }) => api.get<VersionDiff>(`/manuscripts/${id}/versions/diff`, { from, to }, signal),
    enabled: from !== undefined && to !== undefined && from !== to,
  });
}

export const docxUrl = (id: string) => downloadUrl(`/manuscripts/${id}/docx`);
export const signoffUrl = (id: string) => downloadUrl(`/manuscripts/${id}/signoff.docx`);

// ── Urgent lane ─────────────────────────────────────────────────────────────────────────────
export function useUrgentChains(open: boolean) {
  return useQuery({
    queryKey: ['urgent', open],
    queryFn: ({ signal }) => api.get<{ items: UrgentChain[] }>('/manuscripts/urgent', { open: String(open) }, signal),
    refetchInterval: 60_000,
  });
}

// ── Submission rules ────────────────────────────────────────────────────────────────────────
/** One 突发事件 chain by its 首报's id (the manuscript page's urgent card). */
export function useUrgentChain(chainId: string | undefined) {
  return useQuery({
    queryKey: [...manuscriptsKey, 'urgent', 'chain', chainId],
    queryFn: ({ signal }) => api.get<UrgentChain>(`/manuscripts/urgent/${chainId ?? ''}`, undefined, signal),
    enabled: !!chainId,
  });
}

export function useSubmissionRules(orgId: string | undefined) {
  return useQuery({
    queryKey: ['submission-rules', orgId ?? 'own'],
    queryFn: ({ signal }) => api.get<{ items: SubmissionRule[] }>('/manuscripts/rules', { orgId }, signal),
  });
}

export function useUpdateRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ genre, input }: { genre: Genre; input: UpdateSubmissionRuleInput }) => api.put<SubmissionRule>(`/manuscripts/rules/${genre}`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['submission-rules'] }),
  });
}

/** People who may be credited as authors (the server scopes them to the actor's units). */
export function useAuthorCandidates(q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...manuscriptsKey, 'author-candidates', q],
    queryFn: ({ signal }) => api.get<{ items: AuthorCandidate[] }>('/manuscripts/author-candidates', q ? { q } : {}, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}
