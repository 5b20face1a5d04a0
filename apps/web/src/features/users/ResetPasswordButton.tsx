import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { User } from '@xuanlian/contracts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { useResetPassword } from './api.ts';

/** The security admin sets a temporary password; the user's sessions end and they must change it. */
export function ResetPasswordButton({ user }: { user: User }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ newPassword: string }>();
  const reset = useResetPassword();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();

  const submit = async () => {
    const { newPassword } = await form.validateFields();
    try {
      await reset.mutateAsync({ id: user.id, newPassword });
      message.success('密码已重置，该用户的登录已全部退出，下次登录须修改密码');
      setOpen(false);
      form.resetFields();
    } catch (e) {
      onError(e);
    }
  };

  return (
    <>
      <Button type="link" size="small" onClick={() => setOpen(true)} data-testid={`user-reset-password-${user.username}`}>
        重置密码
      </Button>
      <Modal title={`重置「${user.name}」的密码`} open={open} okText="重置" cancelText="取消" confirmLoading={reset.isPending} onOk={submit} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="newPassword" label="临时密码" rules={[{ required: true, message: '请填写临时密码' }]} extra="该用户现有的登录会全部退出，下次登录时须修改密码">
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
