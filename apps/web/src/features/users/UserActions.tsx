import { App, Button, Popconfirm, Space } from 'antd';
import type { User } from '@xuanlian/contracts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { useCan } from '../auth/api.ts';
import { useActivateUser, useResetSecondFactor, useUnlockUser } from './api.ts';
import { ResetPasswordButton } from './ResetPasswordButton.tsx';

/** Row buttons, each only for the permission it needs (三员分立: editing ≠ activating). */
export function UserActions({ user, onEdit }: { user: User; onEdit: (u: User) => void }) {
  const can = useCan();
  const activate = useActivateUser();
  const unlock = useUnlockUser();
  const resetSecondFactor = useResetSecondFactor();
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
      {can('user.unlock') && user.secondFactorEnabled && (
        <Popconfirm
          title={`重置「${user.name}」的两步验证？`}
          description="用于手机丢失或更换：原验证器和恢复码全部作废，该操作记入审计日志。"
          okText="重置"
          cancelText="取消"
          onConfirm={() =>
            resetSecondFactor.mutateAsync(user.id).then(
              () => message.success('两步验证已重置'),
              (e: unknown) => onError(e),
            )
          }
        >
          <Button type="link" size="small" danger loading={resetSecondFactor.isPending} data-testid={`user-reset-2fa-${user.username}`}>
            重置两步验证
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
