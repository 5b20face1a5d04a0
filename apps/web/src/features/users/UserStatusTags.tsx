import { Tag } from 'antd';
import { USER_STATUS_LABELS, type User, type UserStatus } from '@xuanlian/contracts';

const COLORS: Record<UserStatus, string> = { pending: 'gold', active: 'green', disabled: 'default' };

export const USER_STATUS_OPTIONS = (Object.keys(USER_STATUS_LABELS) as UserStatus[]).map((s) => ({
  value: s,
  label: USER_STATUS_LABELS[s],
}));

export function UserStatusTags({ user }: { user: Pick<User, 'status' | 'isLocked'> & Partial<Pick<User, 'secondFactorEnabled'>> }) {
  return (
    <>
      <Tag color={COLORS[user.status]} data-testid="user-status">
        {USER_STATUS_LABELS[user.status]}
      </Tag>
      {user.isLocked && (
        <Tag color="red" data-testid="user-locked">
          已锁定
        </Tag>
      )}
      {user.secondFactorEnabled && (
        <Tag color="blue" data-testid="user-2fa">
          两步验证
        </Tag>
      )}
    </>
  );
}
