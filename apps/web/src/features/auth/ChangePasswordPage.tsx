import { Alert, App, Button, Form, Input, Space } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ERROR_MESSAGES } from '@xuanlian/contracts';
import { ApiError } from '../../shared/api/errors.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { useChangePassword, useLogout, useMe } from './api.ts';
import { AuthCard } from './AuthCard.tsx';
import { PASSWORD_RULE_TEXT } from './passwordRule.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export default function ChangePasswordPage() {
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const change = useChangePassword();
  const logout = useLogout();
  const onError = useApiErrorHandler();

  const onFinish = ({ currentPassword, newPassword }: Values) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          message.success('密码已修改');
          navigate('/', { replace: true });
        },
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'INVALID_CREDENTIALS') {
            form.setFields([{ name: 'currentPassword', errors: ['当前密码不正确'] }]);
            return;
          }
          onError(e, form);
        },
      },
    );
  };

  return (
    <AuthCard title="修改密码">
      {me.mustChangePassword && <Alert type="warning" showIcon title={ERROR_MESSAGES.PASSWORD_CHANGE_REQUIRED} style={{ marginBottom: 16 }} />}
      <Alert type="info" title={`密码规则：${PASSWORD_RULE_TEXT}`} style={{ marginBottom: 16 }} data-testid="password-rule" />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} data-testid="change-password-form">
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" data-testid="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          rules={[
            { required: true, message: '请输入新密码' },
            ({ getFieldValue }) => ({
              validator: async (_r, v: string | undefined) => {
                if (v && v === getFieldValue('currentPassword')) throw new Error('新密码不能与当前密码相同');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: async (_r, v: string | undefined) => {
                if (v && v !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="confirm-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={change.isPending} data-testid="change-password-submit">
          确认修改
        </Button>
      </Form>
      <Space style={{ marginTop: 16, width: '100%', justifyContent: 'center' }}>
        {me.mustChangePassword ? (
          <Button type="link" onClick={() => logout.mutate()} data-testid="change-password-logout">
            退出登录
          </Button>
        ) : (
          <Link to="/">返回工作台</Link>
        )}
      </Space>
    </AuthCard>
  );
}
