import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateJournalInput, Journal, JournalIssue, JournalIssueSummary, SaveJournalIssueInput } from '@xuanlian/contracts';
import { api, downloadUrl } from '../../shared/api/client.ts';

export const journalsKey = ['journals'] as const;

export function useJournals() {
  return useQuery({
    queryKey: [...journalsKey, 'titles'],
    queryFn: ({ signal }) => api.get<{ items: Journal[] }>('/journals', {}, signal),
    select: (d) => d.items,
  });
}

export function useIssues(filters: { journalId?: string; year?: number }) {
  return useQuery({
    queryKey: [...journalsKey, 'issues', filters],
    queryFn: ({ signal }) => api.get<{ items: JournalIssueSummary[] }>('/journals/issues', { ...filters }, signal),
    select: (d) => d.items,
  });
}

export const issueKey = (id: string) => [...journalsKey, 'issue', id] as const;

export function useIssue(id: string) {
  return useQuery({ queryKey: issueKey(id), queryFn: ({ signal }) => api.get<JournalIssue>(`/journals/issues/${id}`, {}, signal) });
}

export function useCreateJournal() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (input: CreateJournalInput) => api.post<Journal>('/journals', input), onSuccess: () => qc.invalidateQueries({ queryKey: journalsKey }) });
}

export function useCreateIssue() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ journalId, issueDate }: { journalId: string; issueDate: string }) => api.post<JournalIssue>(`/journals/${journalId}/issues`, { issueDate }),
    onSuccess: () => qc.invalidateQueries({ queryKey: journalsKey }),
  });
}

/** Saves and publishes answer with the whole issue: put it in the cache so the page shows what was stored. */
export function useSaveIssue(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveJournalIssueInput) => api.put<JournalIssue>(`/journals/issues/${id}`, input),
    onSuccess: (issue) => {
      qc.setQueryData(issueKey(id), issue);
      void qc.invalidateQueries({ queryKey: [...journalsKey, 'issues'] });
    },
  });
}

export function usePublishIssue(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.post<JournalIssue>(`/journals/issues/${id}/publish`, { version }),
    onSuccess: (issue) => {
      qc.setQueryData(issueKey(id), issue);
      void qc.invalidateQueries({ queryKey: [...journalsKey, 'issues'] });
    },
  });
}

export const issueDocxUrl = (id: string) => downloadUrl(`/journals/issues/${id}/docx`);
