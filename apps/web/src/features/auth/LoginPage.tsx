import { KeyOutlined, LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { LoginInput, Me } from '@xuanlian/contracts';
import { ApiError, errorMessage } from '../../shared/api/errors.ts';
import { applyFieldErrors } from '../../shared/form/fieldErrors.ts';
import { formatDateTimeCn } from '../../shared/format.ts';
import { useLogin, useSecondFactorLogin, useSession } from './api.ts';
import { AuthCard } from './AuthCard.tsx';
import { safeRedirect } from './safeRedirect.ts';

function loginErrorText(error: unknown): string {
  if (error instanceof ApiError && error.code === 'ACCOUNT_LOCKED') {
    const d = error.details as { lockedUntil?: unknown } | undefined;
    if (typeof d?.lockedUntil === 'string') return `${error.message}（${formatDateTimeCn(d.lockedUntil)} 后自动解锁）`;
  }
  return errorMessage(error);
}

/** Where a fresh session goes first: the forced steps, else where the user was heading. */
function landing(me: Me, redirect: string): string {
  if (me.mustChangePassword) return '/change-password';
  if (me.mustEnrolSecondFactor) return '/enrol-second-factor';
  return redirect;
}

/** The second step: a 6-digit code from the authenticator, or one of the recovery codes. */
function SecondFactorStep({ challenge, onSignedIn, onBack }: { challenge: string; onSignedIn: (me: Me) => void; onBack: (error?: string) => void }) {
  const [form] = Form.useForm<{ code: string }>();
  const [recovery, setRecovery] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const verify = useSecondFactorLogin();
  const onFinish = ({ code }: { code: string }) => {
    setError(null);
    verify.mutate(recovery ? { challenge, recoveryCode: code.trim() } : { challenge, code: code.trim() }, {
      onSuccess: onSignedIn,
      onError: (e) => {
        // An expired challenge or a lock: the password has to be entered again.
        if (e instanceof ApiError && (e.code === 'SESSION_EXPIRED' || e.code === 'ACCOUNT_LOCKED')) return onBack(loginErrorText(e));
        setError(loginErrorText(e));
        form.setFieldValue('code', '');
      },
    });
  };
  return (
    <>
      {error && <Alert type="error" showIcon title={error} data-testid="login-error" style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">{recovery ? '请输入保存的恢复码（每个只能使用一次）。' : '您的账号已启用两步验证，请输入手机验证器中显示的 6 位验证码。'}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} data-testid="second-factor-form" key={recovery ? 'r' : 'c'}>
        {recovery ? (
          <Form.Item label="恢复码" name="code" rules={[{ required: true, whitespace: true, message: '请输入恢复码' }]}>
            <Input prefix={<KeyOutlined />} autoComplete="off" autoFocus size="large" placeholder="xxxxx-xxxxx" data-testid="login-recovery-code" />
          </Form.Item>
        ) : (
          <Form.Item label="动态验证码" name="code" rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入 6 位数字验证码' }]}>
            <Input prefix={<SafetyOutlined />} inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus size="large" data-testid="login-totp-code" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block size="large" loading={verify.isPending} data-testid="second-factor-submit">
          验证并登录
        </Button>
      </Form>
      <Flex justify="space-between" style={{ marginTop: 12 }}>
        <Button type="link" size="small" onClick={() => onBack()} data-testid="second-factor-back" style={{ paddingInline: 0 }}>
          返回
        </Button>
        <Button
          type="link"
          size="small"
          onClick={() => {
            setError(null);
            setRecovery((r) => !r);
          }}
          data-testid="use-recovery-code"
          style={{ paddingInline: 0 }}
        >
          {recovery ? '使用动态验证码' : '使用恢复码'}
        </Button>
      </Flex>
    </>
  );
}

export default function LoginPage() {
  const [form] = Form.useForm<LoginInput>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);
  const [challenge, setChallenge] = useState<string | null>(null);
  const redirect = safeRedirect(params.get('redirect'));

  if (session.data?.status === 'in' && !login.isPending && !challenge) return <Navigate to={redirect} replace />;

  const onFinish = (values: LoginInput) => {
    setError(null);
    login.mutate(values, {
      onSuccess: (result) => {
        if ('needSecondFactor' in result) {
          setChallenge(result.challenge);
          return;
        }
        navigate(landing(result, redirect), { replace: true });
      },
      onError: (e) => {
        if (e instanceof ApiError && e.code === 'VALIDATION') applyFieldErrors(form, e.fieldIssues);
        setError(loginErrorText(e));
        form.setFieldValue('password', '');
      },
    });
  };

  if (challenge) {
    return (
      <AuthCard title="两步验证">
        <SecondFactorStep
          challenge={challenge}
          onSignedIn={(me) => navigate(landing(me, redirect), { replace: true })}
          onBack={(why) => {
            setChallenge(null);
            setError(why ?? null);
            form.setFieldValue('password', '');
          }}
        />
      </AuthCard>
    );
  }

  const expired = params.get('expired') === '1' && !error;
  return (
    <AuthCard title="用户登录">
      {expired && <Alert type="warning" showIcon title="登录已超时，请重新登录" data-testid="login-expired" style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} data-testid="login-error" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} data-testid="login-form">
        <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" data-testid="login-username" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={login.isPending} data-testid="login-submit">
          登录
        </Button>
      </Form>
    </AuthCard>
  );
}
