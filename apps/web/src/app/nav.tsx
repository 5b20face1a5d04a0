import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  FileTextOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Permission } from '@xuanlian/contracts';
import type { ReactNode } from 'react';

/**
 * The one list of areas: the side menu, the 工作台 cards and the route guards all read it, so a
 * menu entry can never point at a page its guard would refuse. Only built pages belong here.
 */
export interface NavItem {
  key: string;
  path: string;
  label: string;
  icon: ReactNode;
  /** Shown when the actor holds any of these; empty = everyone. */
  anyOf: readonly Permission[];
  description: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', path: '/', label: '工作台', icon: <DashboardOutlined />, anyOf: [], description: '' },
  {
    key: 'activities',
    path: '/activities',
    label: '活动台账',
    icon: <ReadOutlined />,
    anyOf: ['activity.read', 'activity.record'],
    description: '登记中心组学习、宣讲、培训、例会等活动，考勤、纪要和照片留痕，导出学习档案',
  },
  {
    key: 'targets',
    path: '/targets',
    label: '指标完成',
    icon: <BarChartOutlined />,
    anyOf: ['activity.read'],
    description: '按台账自动亮灯的年度指标、宣讲覆盖热力图和年度工作总结初稿',
  },
  {
    key: 'plans',
    path: '/plans',
    label: '工作方案',
    icon: <FileTextOutlined />,
    anyOf: ['plan.read'],
    description: '粘贴或上传工作方案，自动拆分阶段和任务，分派牵头单位',
  },
  {
    key: 'supervision',
    path: '/supervision',
    label: '督办',
    icon: <AlertOutlined />,
    anyOf: ['plan.read'],
    description: '任务进展、红黄蓝灯、督办单签收答复、延期审批和办结复核',
  },
  {
    key: 'orgs',
    path: '/orgs',
    label: '单位管理',
    icon: <ApartmentOutlined />,
    anyOf: ['org.manage'],
    description: '维护单位树：新建、改名、调整隶属关系、停用，批量导入单位和用户',
  },
  {
    key: 'users',
    path: '/users',
    label: '用户管理',
    icon: <TeamOutlined />,
    anyOf: ['user.read', 'user.manage'],
    description: '查看和维护用户账号、角色授权，启用和解锁账号',
  },
  {
    key: 'security',
    path: '/security-policy',
    label: '安全策略',
    icon: <SafetyCertificateOutlined />,
    anyOf: ['security.manage'],
    description: '设置密码规则、登录失败锁定和会话超时',
  },
  {
    key: 'audit',
    path: '/audit-logs',
    label: '审计日志',
    icon: <AuditOutlined />,
    anyOf: ['audit.read'],
    description: '查询、导出操作记录，校验日志完整性',
  },
];

export function navItem(key: string): NavItem {
  const item = NAV_ITEMS.find((i) => i.key === key);
  if (!item) throw new Error(`unknown nav item ${key}`);
  return item;
}
