import { DownOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useLogout, useMe } from '../features/auth/api.ts';

/** Header right side: who is signed in, at which unit, and 退出. */
export function UserMenu({ compact }: { compact: boolean }) {
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <Flex align="center" gap={compact ? 4 : 12}>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'org', label: me.orgName, disabled: true, icon: <UserOutlined /> },
            { type: 'divider' },
            { key: 'password', label: '修改密码', icon: <KeyOutlined />, onClick: () => navigate('/change-password') },
            { key: 'security', label: '账号安全 · 两步验证', icon: <SafetyOutlined />, onClick: () => navigate('/account-security') },
          ],
        }}
      >
        <Button type="text" data-testid="user-menu" aria-label={`当前用户：${me.name}，${me.orgName}`}>
          <Flex align="center" gap={6}>
            <UserOutlined />
            <span data-testid="header-user-name">{me.name}</span>
            {!compact && (
              <Typography.Text type="secondary" data-testid="header-org-name" ellipsis style={{ maxWidth: 220 }}>
                {me.orgName}
              </Typography.Text>
            )}
            <DownOutlined style={{ fontSize: 10 }} />
          </Flex>
        </Button>
      </Dropdown>
      <Button
        icon={<LogoutOutlined />}
        onClick={() => logout.mutate()}
        loading={logout.isPending}
        data-testid="logout"
        aria-label="退出"
        type={compact ? 'text' : 'default'}
      >
        {compact ? null : '退出'}
      </Button>
    </Flex>
  );
}
