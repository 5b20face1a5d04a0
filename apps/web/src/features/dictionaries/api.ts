import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Category, Leader, SensitiveWord } from '@xuanlian/contracts';
import { api } from '../../shared/api/client.ts';

export const dictionariesKey = ['dictionaries'] as const;
export type DictionaryKind = 'categories' | 'words' | 'leaders';
type EntryOf<K extends DictionaryKind> = K extends 'categories' ? Category : K extends 'words' ? SensitiveWord : Leader;

/** Entries that apply at a unit: its own and those set above it (the actor's own unit by default). */
export function useDictionary<K extends DictionaryKind>(kind: K, orgId?: string, enabled = true) {
  return useQuery({
    queryKey: [...dictionariesKey, kind, orgId ?? 'own'],
    queryFn: ({ signal }) => api.get<{ items: EntryOf<K>[] }>(`/dictionaries/${kind}`, { orgId }, signal),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
    enabled,
  });
}

export const useCategories = (orgId?: string) => useDictionary('categories', orgId);

export function useDictionaryMutations<K extends DictionaryKind>(kind: K) {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: [...dictionariesKey, kind] });
  return {
    create: useMutation({ mutationFn: (input: object) => api.post<EntryOf<K>>(`/dictionaries/${kind}`, input), onSuccess }),
    update: useMutation({ mutationFn: ({ id, input }: { id: string; input: object }) => api.patch<EntryOf<K>>(`/dictionaries/${kind}/${id}`, input), onSuccess }),
    remove: useMutation({ mutationFn: (id: string) => api.delete<{ deleted: boolean }>(`/dictionaries/${kind}/${id}`), onSuccess }),
  };
}
