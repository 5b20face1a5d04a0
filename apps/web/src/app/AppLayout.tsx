import { MenuOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Flex, Layout, Menu } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { can, useMe } from '../features/auth/api.ts';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
// The reviews feature's api, not its barrel: the barrel would pull the policy drawer and the
// decision bar into every first load for one badge count.
import { usePendingCount } from '../features/reviews/api.ts';
import { PageSpin } from '../shared/ui/PageSpin.tsx';
import { useIsMobile } from '../shared/ui/useIsMobile.ts';
import { groupedNav, NAV_ITEMS, type NavItem } from './nav.tsx';
import { UserMenu } from './UserMenu.tsx';

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
  const me = useMe();
  const isMobile = useIsMobile();
  const location = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  // A folded menu stays folded on the next visit (a small laptop screen keeps it that way).
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem('xl-sider-collapsed') === '1');
  const collapse = (c: boolean) => {
    setCollapsed(c);
    localStorage.setItem('xl-sider-collapsed', c ? '1' : '0');
  };

  const items = NAV_ITEMS.filter((i) => can(me, i.anyOf));
  const pending = usePendingCount(can(me, ['manuscript.review']));
  const badge = (key: string) =>
    key === 'reviews' && pending.data && pending.data.count > 0 ? (
      <Badge
        count={pending.data.count}
        size="small"
        color={pending.data.overdue > 0 ? 'red' : 'blue'}
        title={pending.data.overdue > 0 ? `${pending.data.count} 篇待审，其中 ${pending.data.overdue} 篇已超时` : `${pending.data.count} 篇待审`}
        data-testid="reviews-pending-count"
      />
    ) : null;
  const entry = (i: NavItem) => ({
    key: i.key,
    icon: i.icon,
    label: (
      <Link to={i.path} data-testid={`nav-${i.key}`}>
        <Flex component="span" align="center" justify="space-between" gap={8}>
          <span>{i.label}</span>
          {badge(i.key)}
        </Flex>
      </Link>
    ),
  });
  const active = items.find((i) => (i.path === '/' ? location.pathname === '/' : location.pathname.startsWith(i.path)));
  // Arriving on a page low in the long menu (a link, a bookmark) scrolls its entry into view.
  useEffect(() => {
    if (active) document.querySelector(`.xl-sider [data-testid="nav-${active.key}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={active ? [active.key] : []}
      onClick={() => setDrawerOpen(false)}
      data-testid="side-menu"
      items={[
        ...items.filter((i) => i.key === 'home').map(entry),
        ...groupedNav(items).map((g) => ({ type: 'group' as const, key: `group-${g.key}`, label: g.label, children: g.items.map(entry) })),
      ]}
    />
  );

  return (
    <Layout className="xl-shell">
      {!isMobile && (
        <Layout.Sider theme="light" width={208} collapsible collapsed={collapsed} onCollapse={collapse} className="xl-sider">
          <Brand collapsed={collapsed} />
          <nav aria-label="主菜单">{menu}</nav>
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="xl-header">
          {isMobile && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              onClick={() => setDrawerOpen(true)}
              aria-label="打开菜单"
              data-testid="nav-toggle"
            />
          )}
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
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          title="宣联 · 宣传工作管理平台"
          styles={{ body: { padding: 0 } }}
          data-testid="nav-drawer"
        >
          <nav aria-label="主菜单">{menu}</nav>
        </Drawer>
      )}
    </Layout>
  );
}
