import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SecurityPolicy } from '@xuanlian/contracts';
import { api } from '../../shared/api/client.ts';

export const securityPolicyKey = ['security-policy'] as const;

export function useSecurityPolicy() {
  return useQuery({
    queryKey: securityPolicyKey,
    queryFn: ({ signal }) => api.get<SecurityPolicy>('/security-policy', undefined, signal),
  });
}

export function useSaveSecurityPolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (policy: SecurityPolicy) => api.put<SecurityPolicy>('/security-policy', policy),
    onSuccess: (policy) => qc.setQueryData(securityPolicyKey, policy),
  });
}
