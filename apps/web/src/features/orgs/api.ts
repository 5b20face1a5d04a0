import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateOrgInput, ImportResult, Org, UpdateOrgInput } from '@xuanlian/contracts';
import { api, downloadUrl } from '../../shared/api/client.ts';

export const orgsKey = ['orgs'] as const;

/** The flat list of units in the actor's scope; the tree is built client-side (orgTree.ts). */
export function useOrgs() {
  return useQuery({
    queryKey: orgsKey,
    queryFn: ({ signal }) => api.get<{ items: Org[] }>('/orgs', undefined, signal).then((r) => r.items),
    staleTime: 60_000,
  });
}

function replaceOrg(list: Org[] | undefined, org: Org): Org[] | undefined {
  if (!list) return list;
  return list.some((o) => o.id === org.id) ? list.map((o) => (o.id === org.id ? org : o)) : [...list, org];
}

export function useCreateOrg() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateOrgInput) => api.post<Org>('/orgs', input),
    onSuccess: (org) => {
      qc.setQueryData<Org[]>(orgsKey, (list) => replaceOrg(list, org));
      return qc.invalidateQueries({ queryKey: orgsKey });
    },
  });
}

export function useUpdateOrg() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateOrgInput }) => api.patch<Org>(`/orgs/${id}`, input),
    onSuccess: (org) => {
      qc.setQueryData<Org[]>(orgsKey, (list) => replaceOrg(list, org));
      // A move changes depth (and names shown on users) across the subtree: refetch.
      return Promise.all([qc.invalidateQueries({ queryKey: orgsKey }), qc.invalidateQueries({ queryKey: ['users'] })]);
    },
  });
}

export const IMPORT_TEMPLATE_URL = downloadUrl('/imports/template');

export function useImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file);
      return api.post<ImportResult>('/imports', body);
    },
    onSuccess: (result) => {
      if (!result.ok) return;
      return Promise.all([qc.invalidateQueries({ queryKey: orgsKey }), qc.invalidateQueries({ queryKey: ['users'] })]);
    },
  });
}
