import { QueryClient } from '@tanstack/react-query';
import { setSessionFailureHandler } from '../shared/api/client.ts';
import { ApiError } from '../shared/api/errors.ts';
import { setSession } from '../features/auth/api.ts';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change on retry; only network trouble and 5xx are worth another go.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
    mutations: { retry: false },
  },
});

/**
 * Any request may learn that the session ended or that the password must change. We only
 * update the cached session here; the session guard (RequireSession) turns that into navigation,
 * so there is exactly one place that redirects.
 */
setSessionFailureHandler((error) => {
  if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
    setSession(queryClient, (s) => (s?.status === 'in' ? { ...s, me: { ...s.me, mustChangePassword: true } } : s));
    return;
  }
  if (error.code === 'SECOND_FACTOR_ENROLMENT_REQUIRED') {
    setSession(queryClient, (s) => (s?.status === 'in' ? { ...s, me: { ...s.me, mustEnrolSecondFactor: true } } : s));
    return;
  }
  setSession(queryClient, {
    status: 'out',
    reason: error.code === 'SESSION_EXPIRED' ? 'expired' : 'none',
  });
});
