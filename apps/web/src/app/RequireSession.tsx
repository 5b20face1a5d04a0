import { Button } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { errorMessage } from '../shared/api/errors.ts';
import { Outcome } from '../shared/ui/Outcome.tsx';
import { PageSpin } from '../shared/ui/PageSpin.tsx';
import { useSession } from '../features/auth/api.ts';

/**
 * The only place that redirects for the session: not signed in → /login (keeping where the user
 * was going, and why: 登录已超时); must change password → /change-password before anything else;
 * a required second factor not yet enrolled → /enrol-second-factor.
 */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();

  // Keep the app up on a failed background refetch; only a first load without data shows an error.
  if (session.isPending) return <PageSpin full />;
  if (!session.data) {
    return (
      <Outcome
        status="error"
        title="无法加载登录信息"
        subTitle={errorMessage(session.error)}
        extra={
          <Button type="primary" onClick={() => session.refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  const data = session.data;
  if (data.status === 'out') {
    const params = new URLSearchParams();
    const here = location.pathname + location.search;
    if (data.reason !== 'logout' && here !== '/' && location.pathname !== '/change-password') params.set('redirect', here);
    if (data.reason === 'expired') params.set('expired', '1');
    const qs = params.toString();
    return <Navigate to={qs ? `/login?${qs}` : '/login'} replace />;
  }
  if (data.me.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  // The policy requires a second factor: enrol right after the password, before anything else.
  if (!data.me.mustChangePassword && data.me.mustEnrolSecondFactor && location.pathname !== '/enrol-second-factor') {
    return <Navigate to="/enrol-second-factor" replace />;
  }
  return <Outlet />;
}
