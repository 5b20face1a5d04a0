import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { LoginInput } from '@xuanlian/contracts';
import { ApiError, errorMessage } from '../../shared/api/errors.ts';
import { applyFieldErrors } from '../../shared/form/fieldErrors.ts';
import { formatDateTimeCn } from '../../shared/format.ts';
import { useLogin, useSession } from './api.ts';
import { AuthCard } from './AuthCard.tsx';
import { safeRedirect } from './safeRedirect.ts';

function loginErrorText(error: unknown): string {
  if (error instanceof ApiError && error.code === 'ACCOUNT_LOCKED') {
    const d = error.details as { lockedUntil?: unknown } | undefined;
    if (typeof d?.lockedUntil === 'string') return `${error.message}（${formatDateTimeCn(d.lockedUntil)} 后自动解锁）`;
  }
  return errorMessage(error);
}

export default function LoginPage() {
  const [form] = Form.useForm<LoginInput>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);
  const redirect = safeRedirect(params.get('redirect'));

  if (session.data?.status === 'in' && !login.isPending) return <Navigate to={redirect} replace />;

  const onFinish = (values: LoginInput) => {
    setError(null);
    login.mutate(values, {
      onSuccess: (me) => navigate(me.mustChangePassword ? '/change-password' : redirect, { replace: true }),
      onError: (e) => {
        if (e instanceof ApiError && e.code === 'VALIDATION') applyFieldErrors(form, e.fieldIssues);
        setError(loginErrorText(e));
        form.setFieldValue('password', '');
      },
    });
  };

  const expired = params.get('expired') === '1' && !error;
  return (
    <AuthCard title="用户登录">
      {expired && (
        <Alert type="warning" showIcon title="登录已超时，请重新登录" data-testid="login-expired" style={{ marginBottom: 16 }} />
      )}
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
