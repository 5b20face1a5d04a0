import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreatePlanInput,
  CreateTaskInput,
  DecideExtensionInput,
  IssueUrgeInput,
  ParsePlanInput,
  Plan,
  PlanDraft,
  PlanSummary,
  ReportProgressInput,
  RequestExtensionInput,
  ReviewTaskInput,
  SubmitTaskInput,
  Task,
  TaskDetail,
  TaskLight,
  UpdateTaskInput,
} from '@xuanlian/contracts';
import { api, downloadUrl } from '../../shared/api/client.ts';

export const plansKey = ['plans'] as const;
export const tasksKey = ['tasks'] as const;

export function usePlans(year?: number) {
  return useQuery({ queryKey: [...plansKey, 'list', year], queryFn: ({ signal }) => api.get<{ items: PlanSummary[]; total: number }>('/plans', { year, pageSize: 100 }, signal) });
}

export function usePlan(id: string | undefined) {
  return useQuery({ queryKey: [...plansKey, 'one', id], queryFn: ({ signal }) => api.get<Plan>(`/plans/${id}`, undefined, signal), enabled: !!id });
}

export const useParsePlan = () => useMutation({ mutationFn: (input: ParsePlanInput) => api.post<PlanDraft>('/plans/parse', input) });
export const useParseDocx = () =>
  useMutation({
    mutationFn: ({ file, year }: { file: File; year?: number }) => {
      const body = new FormData();
      body.append('file', file);
      return api.post<PlanDraft>(`/plans/parse-docx${year ? `?year=${year}` : ''}`, body);
    },
  });

export function useCreatePlan() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (input: CreatePlanInput) => api.post<Plan>('/plans', input), onSuccess: () => qc.invalidateQueries({ queryKey: plansKey }) });
}

export interface TaskFilters {
  light?: TaskLight;
  needsUnit?: boolean;
  needsOffice?: boolean;
  planId?: string;
  page: number;
  pageSize: number;
}

export function useTasks(filters: TaskFilters) {
  return useQuery({
    queryKey: [...tasksKey, 'list', filters],
    queryFn: ({ signal }) => api.get<{ items: Task[]; total: number }>('/tasks', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTask(id: string | undefined) {
  return useQuery({ queryKey: [...tasksKey, 'one', id], queryFn: ({ signal }) => api.get<TaskDetail>(`/tasks/${id}`, undefined, signal), enabled: !!id });
}

/** Every task move refreshes the task, its plan and the supervision lists. */
function useTaskMove<T>(fn: (id: string, input: T) => Promise<TaskDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: T }) => fn(id, input),
    onSuccess: (task) => {
      qc.setQueryData([...tasksKey, 'one', task.id], task);
      return Promise.all([qc.invalidateQueries({ queryKey: tasksKey }), qc.invalidateQueries({ queryKey: plansKey })]);
    },
  });
}

export const useUpdateTask = () => useTaskMove((id, input: UpdateTaskInput) => api.patch<TaskDetail>(`/tasks/${id}`, input));
export const useReportProgress = () => useTaskMove((id, input: ReportProgressInput) => api.post<TaskDetail>(`/tasks/${id}/reports`, input));
export const useSubmitTask = () => useTaskMove((id, input: SubmitTaskInput) => api.post<TaskDetail>(`/tasks/${id}/submit`, input));
export const useReviewTask = () => useTaskMove((id, input: ReviewTaskInput) => api.post<TaskDetail>(`/tasks/${id}/review`, input));
export const useCancelTask = () => useTaskMove((id, input: { version: number; reason: string }) => api.post<TaskDetail>(`/tasks/${id}/cancel`, input));
export const useIssueUrge = () => useTaskMove((id, input: IssueUrgeInput) => api.post<TaskDetail>(`/tasks/${id}/urges`, input));
export const useSignUrge = () => useTaskMove((id, urgeId: string) => api.post<TaskDetail>(`/tasks/${id}/urges/${urgeId}/sign`));
export const useAnswerUrge = () => useTaskMove((id, input: { urgeId: string; answer: string }) => api.post<TaskDetail>(`/tasks/${id}/urges/${input.urgeId}/answer`, { answer: input.answer }));
export const useRequestExtension = () => useTaskMove((id, input: RequestExtensionInput) => api.post<TaskDetail>(`/tasks/${id}/extensions`, input));
export const useDecideExtension = () =>
  useTaskMove((id, input: DecideExtensionInput & { extensionId: string }) => {
    const { extensionId, ...body } = input;
    return api.post<TaskDetail>(`/tasks/${id}/extensions/${extensionId}/decide`, body);
  });

export const planSummaryUrl = (id: string) => downloadUrl(`/plans/${id}/summary`);
export const taskFileUrl = (id: string, sha256: string) => downloadUrl(`/tasks/${id}/files/${sha256}`);

export function useAddTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, input }: { planId: string; input: CreateTaskInput }) => api.post<TaskDetail>(`/plans/${planId}/tasks`, input),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: plansKey }), qc.invalidateQueries({ queryKey: tasksKey })]),
  });
}
