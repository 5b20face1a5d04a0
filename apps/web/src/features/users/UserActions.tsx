import { App, Button, Popconfirm, Space } from 'antd';
import type { User } from '@xuanlian/contracts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { useCan } from '../auth/api.ts';
import { useActivateUser, useUnlockUser } from './api.ts';
import { ResetPasswordButton } from './ResetPasswordButton.tsx';

/** Row buttons, each only for the permission it needs (三员分立: editing ≠ activating). */
export function UserActions({ user, onEdit }: { user: User; onEdit: (u: User) => void }) {
  const can = useCan();
  const activate = useActivateUser();
  const unlock = useUnlockUser();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();

  return (
    <Space size={0} wrap>
      {can('user.manage') && (
        <Button type="link" size="small" onClick={() => onEdit(user)} data-testid={`user-edit-${user.username}`}>
          编辑
        </Button>
      )}
      {can('user.activate') && user.status === 'pending' && (
        <Popconfirm
          title={`启用账号「${user.name}」？`}
          okText="启用"
          cancelText="取消"
          onConfirm={() =>
            activate.mutateAsync(user.id).then(
              () => message.success('账号已启用'),
              (e: unknown) => onError(e),
            )
          }
        >
          <Button type="link" size="small" loading={activate.isPending} data-testid={`user-activate-${user.username}`}>
            启用
          </Button>
        </Popconfirm>
      )}
      {can('user.unlock') && user.isLocked && (
        <Popconfirm
          title={`解锁账号「${user.name}」？`}
          okText="解锁"
          cancelText="取消"
          onConfirm={() =>
            unlock.mutateAsync(user.id).then(
              () => message.success('账号已解锁'),
              (e: unknown) => onError(e),
            )
          }
        >
          <Button type="link" size="small" loading={unlock.isPending} data-testid={`user-unlock-${user.username}`}>
            解锁
          </Button>
        </Popconfirm>
      )}
      {can('user.unlock') && user.status !== 'disabled' && <ResetPasswordButton user={user} />}
    </Space>
  );
}
