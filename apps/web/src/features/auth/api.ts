import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordInput, LoginInput, LoginResult, Me, Permission, RecoveryCodes, SecondFactorEnrolment, SecondFactorLoginInput, SecondFactorStatus } from '@xuanlian/contracts';
import { api } from '../../shared/api/client.ts';
import { ApiError } from '../../shared/api/errors.ts';

/**
 * Whether someone is signed in. `reason` says why not: the server ended the session
 * (`expired` → 登录已超时), the user signed out (`logout`), or there never was one (`none`).
 */
export type SignedOutReason = 'none' | 'expired' | 'logout';
export type Session = { status: 'in'; me: Me } | { status: 'out'; reason: SignedOutReason };

export async function fetchSession(): Promise<Session> {
  try {
    return { status: 'in', me: await api.get<Me>('/me') };
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'UNAUTHORIZED' || error.code === 'SESSION_EXPIRED')) {
      return { status: 'out', reason: error.code === 'SESSION_EXPIRED' ? 'expired' : 'none' };
    }
    throw error;
  }
}

export const sessionQuery = queryOptions({ queryKey: ['session'], queryFn: fetchSession, staleTime: 5 * 60_000 });
/** The tagged key: setQueryData(sessionKey, …) is then typed as Session. */
export const sessionKey = sessionQuery.queryKey;

/** Replace the cached session (a helper: TS 5.9 mis-checks union literals against setQueryData's NoInfer). */
export function setSession(qc: QueryClient, next: Session | ((s: Session | undefined) => Session | undefined)): void {
  qc.setQueryData(sessionKey, typeof next === 'function' ? next : () => next);
}

export function useSession() {
  return useQuery(sessionQuery);
}

/** The signed-in user; only for components rendered behind the session guard. */
export function useMe(): Me {
  const { data } = useSession();
  if (data?.status !== 'in') throw new Error('useMe() used outside the session guard');
  return data.me;
}

/** True when the actor holds any of the permissions (in some part of the org tree). */
export function can(me: Me, anyOf: readonly Permission[]): boolean {
  return anyOf.length === 0 || anyOf.some((p) => me.permissions.includes(p));
}

/** Where an actor's work starts: the unit of their first role grant (the office's is the whole city), else their own. */
export function homeOrgId(me: Me): string {
  return me.roles[0]?.orgId ?? me.orgId;
}

export function useCan(): (...anyOf: Permission[]) => boolean {
  const me = useMe();
  return (...anyOf) => can(me, anyOf);
}

function signedIn(qc: QueryClient, me: Me): void {
  // Nothing cached for a previous user may leak into this session.
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
  setSession(qc, { status: 'in', me });
}

/** The password step: either signed in, or a challenge to answer with a code (no session yet). */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<LoginResult>('/auth/login', input),
    onSuccess: (result) => {
      if (!('needSecondFactor' in result)) signedIn(qc, result);
    },
  });
}

export function useSecondFactorLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SecondFactorLoginInput) => api.post<Me>('/auth/login/second-factor', input),
    onSuccess: (me) => signedIn(qc, me),
  });
}

const secondFactorKey = ['second-factor'] as const;

export function useSecondFactorStatus() {
  return useQuery({ queryKey: secondFactorKey, queryFn: () => api.get<SecondFactorStatus>('/me/second-factor') });
}

export function useStartEnrolment() {
  return useMutation({ mutationFn: () => api.post<SecondFactorEnrolment>('/me/second-factor/enrolment') });
}

/** A confirmed code lifts a forced enrolment at once (the session guard reads mustEnrolSecondFactor). */
export function useConfirmEnrolment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<RecoveryCodes>('/me/second-factor/enrolment/confirm', { code }),
    onSuccess: () => {
      setSession(qc, (s) => (s?.status === 'in' ? { ...s, me: { ...s.me, mustEnrolSecondFactor: false, secondFactorEnabled: true } } : s));
      return qc.invalidateQueries({ queryKey: secondFactorKey });
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      setSession(qc, { status: 'out', reason: 'logout' });
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => api.post<void>('/auth/password', input),
    onSuccess: () => {
      // Lift the guard's redirect at once, then confirm with the server before the caller navigates.
      setSession(qc, (s) => (s?.status === 'in' ? { ...s, me: { ...s.me, mustChangePassword: false } } : s));
      return qc.invalidateQueries({ queryKey: sessionKey });
    },
  });
}
