import { Badge, Flex, Menu } from 'antd';
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { can, useMe } from '../features/auth/api.ts';
// The reviews feature's api, not its barrel: the barrel would bring the policy drawer and the
// decision bar along for one badge count.
import { usePendingCount } from '../features/reviews/api.ts';
import { groupedNav, NAV_ITEMS, type NavItem } from './nav.tsx';
import { NAV_ICONS } from './navIcons.tsx';

/**
 * The side menu with its icons and the 待我审核 badge. Its own chunk (AppLayout loads it lazily):
 * on a phone it sits in a drawer, so the page a reporter opens does not wait for it.
 */
export default function SideMenu({ onNavigate }: { onNavigate: () => void }) {
  const me = useMe();
  const location = useLocation();
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
    icon: NAV_ICONS[i.key],
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
  return (
    <nav aria-label="主菜单">
      <Menu
        mode="inline"
        selectedKeys={active ? [active.key] : []}
        onClick={onNavigate}
        data-testid="side-menu"
        items={[
          ...items.filter((i) => i.key === 'home').map(entry),
          ...groupedNav(items).map((g) => ({ type: 'group' as const, key: `group-${g.key}`, label: g.label, children: g.items.map(entry) })),
        ]}
      />
    </nav>
  );
}
