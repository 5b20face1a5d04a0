import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Popover, Spin } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useUnreadCount } from './api.ts';

const NotificationInbox = lazy(() => import('./NotificationInbox.tsx'));

/** The header bell: unread count, and the latest notifications in a dropdown. */
export function NotificationBell() {
  const unread = useUnreadCount();
  const [open, setOpen] = useState(false);
  const count = unread.data ?? 0;
  const inbox = (
    <Suspense fallback={<Spin description="加载中…" style={{ display: 'block', padding: 24 }} />}>
      <NotificationInbox open={open} onClose={() => setOpen(false)} />
    </Suspense>
  );
  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} arrow={false} content={inbox}>
      <Button type="text" aria-label={count > 0 ? `通知，${count} 条未读` : '通知'} data-testid="notification-bell">
        <Badge count={count} size="small" overflowCount={99} data-testid="notification-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
