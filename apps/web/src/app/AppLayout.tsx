import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Spin } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, Outlet } from 'react-router';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { PageSpin } from '../shared/ui/PageSpin.tsx';
import { useIsMobile } from '../shared/ui/useIsMobile.ts';
import { UserMenu } from './UserMenu.tsx';

// The menu (antd Menu, 30-odd icons, the review badge) loads beside the page, not before it; on a
// phone only when the drawer is opened.
const SideMenu = lazy(() => import('./SideMenu.tsx'));

function Brand({ collapsed = false }: { collapsed?: boolean }) {
  return (
    <Link to="/" className="xl-brand" aria-label="宣联 · 宣传工作管理平台">
      <span className="xl-logo" aria-hidden>
        宣
      </span>
      {!collapsed && <span className="xl-brand-text">宣联</span>}
    </Link>
  );
}

export default function AppLayout() {
  const isMobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);
  // A folded menu stays folded on the next visit (a small laptop screen keeps it that way).
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem('xl-sider-collapsed') === '1');
  const collapse = (c: boolean) => {
    setCollapsed(c);
    localStorage.setItem('xl-sider-collapsed', c ? '1' : '0');
  };

  const menu = (
    <Suspense fallback={<Spin size="small" description="菜单加载中" style={{ display: 'block', padding: 16 }} />}>
      <SideMenu onNavigate={() => setDrawerOpen(false)} />
    </Suspense>
  );

  return (
    <Layout className="xl-shell">
      {!isMobile && (
        <Layout.Sider theme="light" width={208} collapsible collapsed={collapsed} onCollapse={collapse} className="xl-sider">
          <Brand collapsed={collapsed} />
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="xl-header">
          {isMobile && <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} aria-label="打开菜单" data-testid="nav-toggle" />}
          {isMobile ? <Brand /> : <span className="xl-header-title">宣传工作管理平台</span>}
          <div style={{ flex: 1 }} />
          <NotificationBell />
          <UserMenu compact={isMobile} />
        </Layout.Header>
        <Layout.Content className="xl-content">
          <Suspense fallback={<PageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {isMobile && (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={240} title="宣联 · 宣传工作管理平台" styles={{ body: { padding: 0 } }} data-testid="nav-drawer">
          {menu}
        </Drawer>
      )}
    </Layout>
  );
}
