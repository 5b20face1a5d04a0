import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserInput, RevealedUserFields, UpdateUserInput, User, UserStatus } from '@xuanlian/contracts';
import { api } from '../../shared/api/client.ts';

export interface UserFilters {
  orgId?: string;
  q?: string;
  status?: UserStatus;
  page: number;
  pageSize: number;
}

export const usersKey = ['users'] as const;

export function useUsers(filters: UserFilters, enabled = true) {
  return useQuery({
    queryKey: [...usersKey, 'list', filters],
    queryFn: ({ signal }) => api.get<{ items: User[]; total: number }>('/users', { ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useUserMutation<TInput>(fn: (input: TInput) => Promise<User>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }),
  });
}

export const useCreateUser = () => useUserMutation((input: CreateUserInput) => api.post<User>('/users', input));
export const useUpdateUser = () => useUserMutation(({ id, input }: { id: string; input: UpdateUserInput }) => api.patch<User>(`/users/${id}`, input));
export const useActivateUser = () => useUserMutation((id: string) => api.post<User>(`/users/${id}/activate`));
export const useUnlockUser = () => useUserMutation((id: string) => api.post<User>(`/users/${id}/unlock`));
export const useResetPassword = () => useUserMutation(({ id, newPassword }: { id: string; newPassword: string }) => api.post<User>(`/users/${id}/password-reset`, { newPassword }));
export const useResetSecondFactor = () => useUserMutation((id: string) => api.post<User>(`/users/${id}/second-factor/reset`));
/** The full phone number; the server writes an audit row for every call, so it is never cached. */
export const useRevealUser = () => useMutation({ mutationFn: (id: string) => api.post<RevealedUserFields>(`/users/${id}/reveal`) });
