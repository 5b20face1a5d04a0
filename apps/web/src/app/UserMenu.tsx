import { DownOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Divider, Flex, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useLogout, useMe } from '../features/auth/api.ts';

/**
 * Header right side: who is signed in, at which unit, and 退出. A Popover of buttons rather than a
 * Dropdown: the header is in every first load, and Dropdown brings antd's Menu with it.
 */
export function UserMenu({ compact }: { compact: boolean }) {
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();
  const [open, setOpen] = useState(false);
  const go = (path: string) => {
    setOpen(false);
    navigate(path);
  };
  return (
    <Flex align="center" gap={compact ? 4 : 12}>
      <Popover
        trigger="click"
        placement="bottomRight"
        arrow={false}
        open={open}
        onOpenChange={setOpen}
        content={
          <Flex vertical style={{ minWidth: 180 }} data-testid="user-menu-items">
            <Typography.Text type="secondary" style={{ padding: '4px 15px' }}>
              <UserOutlined /> {me.orgName}
            </Typography.Text>
            <Divider style={{ margin: '4px 0' }} />
            <Button type="text" block icon={<KeyOutlined />} onClick={() => go('/change-password')} style={{ justifyContent: 'flex-start' }}>
              修改密码
            </Button>
            <Button type="text" block icon={<SafetyOutlined />} onClick={() => go('/account-security')} style={{ justifyContent: 'flex-start' }}>
              账号安全 · 两步验证
            </Button>
          </Flex>
        }
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
      </Popover>
      <Button icon={<LogoutOutlined />} onClick={() => logout.mutate()} loading={logout.isPending} data-testid="logout" aria-label="退出" type={compact ? 'text' : 'default'}>
        {compact ? null : '退出'}
      </Button>
    </Flex>
  );
}
