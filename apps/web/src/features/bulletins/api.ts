import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Bulletin, BulletinAppeal, BulletinSummary, CreateBulletinInput, OpenBulletin, UpdateBulletinInput } from '@xuanlian/contracts';
import { api, downloadUrl } from '../../shared/api/client.ts';

export const bulletinsKey = ['bulletins'] as const;
export const bulletinKey = (id: string) => [...bulletinsKey, 'one', id] as const;

export function useBulletins() {
  return useQuery({ queryKey: [...bulletinsKey, 'list'], queryFn: ({ signal }) => api.get<{ items: BulletinSummary[] }>('/bulletins', {}, signal), select: (d) => d.items });
}

export function useBulletin(id: string | null) {
  return useQuery({ queryKey: bulletinKey(id ?? ''), enabled: !!id, queryFn: ({ signal }) => api.get<Bulletin>(`/bulletins/${id}`, {}, signal) });
}

export function useOpenBulletins() {
  return useQuery({ queryKey: [...bulletinsKey, 'open'], queryFn: ({ signal }) => api.get<{ items: OpenBulletin[] }>('/bulletins/open', {}, signal), select: (d) => d.items });
}

function useInvalidate() {
  const qc = useQueryClient();
  return (b?: Bulletin) => {
    if (b) qc.setQueryData(bulletinKey(b.id), b);
    void qc.invalidateQueries({ queryKey: bulletinsKey });
  };
}

export function useDraftBulletin() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (input: CreateBulletinInput) => api.post<Bulletin>('/bulletins', input), onSuccess: done });
}

/** Every workflow step answers with the whole bulletin. */
export function useBulletinAction(id: string) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (
      a: { kind: 'update'; input: UpdateBulletinInput } | { kind: 'regenerate'; version: number; keepText: boolean } | { kind: 'publish' | 'close-appeal' | 'finalize'; version: number },
    ) => {
      if (a.kind === 'update') return api.patch<Bulletin>(`/bulletins/${id}`, a.input);
      if (a.kind === 'regenerate') return api.post<Bulletin>(`/bulletins/${id}/regenerate`, { version: a.version, keepText: a.keepText });
      return api.post<Bulletin>(`/bulletins/${id}/${a.kind}`, { version: a.version });
    },
    onSuccess: done,
  });
}

export function useAnswerAppeal(bulletinId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ appealId, answer }: { appealId: string; answer: string }) => api.post<BulletinAppeal>(`/bulletins/${bulletinId}/appeals/${appealId}/answer`, { answer }),
    onSuccess: () => qc.invalidateQueries({ queryKey: bulletinsKey }),
  });
}

export function useCreateAppeal(bulletinId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { orgId: string; reason: string }) => api.post<BulletinAppeal>(`/bulletins/${bulletinId}/appeals`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: bulletinsKey }),
  });
}

export const bulletinDocxUrl = (id: string) => downloadUrl(`/bulletins/${id}/docx`);
export const bulletinXlsxUrl = (id: string) => downloadUrl(`/bulletins/${id}/annex.xlsx`);
