import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  MobileOutlined,
  NotificationOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  BellOutlined,
  SendOutlined,
  HistoryOutlined,
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
    key: 'manuscripts',
    path: '/manuscripts',
    label: '我的稿件',
    icon: <FileTextOutlined />,
    anyOf: ['manuscript.submit'],
    description: '写稿、导入 Word、检查后报送，查看审核进度和退回意见',
  },
  {
    key: 'quick',
    path: '/quick-submit',
    label: '手机报送',
    icon: <MobileOutlined />,
    anyOf: ['manuscript.submit'],
    description: '在手机上传 Word 文档，自动检查，补全后一键报送',
  },
  {
    key: 'urgent',
    path: '/urgent',
    label: '突发事件',
    icon: <ThunderboltOutlined />,
    anyOf: ['manuscript.submit', 'manuscript.review', 'manuscript.manage'],
    description: '首报倒计时，续报、终报按顺序接续',
  },
  {
    key: 'reviews',
    path: '/reviews',
    label: '待我审核',
    icon: <CheckSquareOutlined />,
    anyOf: ['manuscript.review'],
    description: '逐级审核稿件：通过、退回或修改后通过，支持批量通过',
  },
  {
    key: 'allManuscripts',
    path: '/all-manuscripts',
    label: '全部稿件',
    icon: <FileSearchOutlined />,
    anyOf: ['manuscript.manage', 'manuscript.review'],
    description: '按状态、单位、栏目、时间筛选和全文检索，导出 Excel',
  },
  {
    key: 'commissions',
    path: '/commissions',
    label: '约稿管理',
    icon: <NotificationOutlined />,
    anyOf: ['manuscript.manage'],
    description: '向单位约稿，跟踪应约情况和逾期未报',
  },
  {
    key: 'manuscriptSettings',
    path: '/manuscript-settings',
    label: '稿件设置',
    icon: <SettingOutlined />,
    anyOf: ['manuscript.manage'],
    description: '审核策略、敏感词、领导姓名职务、栏目分类和报送规则',
  },
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
  {
    key: 'notificationPrefs',
    path: '/notification-settings',
    label: '通知设置',
    icon: <BellOutlined />,
    anyOf: [],
    description: '选择哪些消息通过站内消息、哪些通过邮件通知我',
  },
  {
    key: 'notificationChannels',
    path: '/notification-channels',
    label: '通知渠道',
    icon: <SendOutlined />,
    anyOf: ['notification.manage'],
    description: '配置邮件服务器和各单位的企业微信、钉钉、飞书群机器人，发送测试，设置定时提醒',
  },
  {
    key: 'notificationDeliveries',
    path: '/notification-deliveries',
    label: '发送记录',
    icon: <HistoryOutlined />,
    anyOf: ['notification.manage'],
    description: '查看每条通知发给谁、经哪个渠道、是否成功，失败的可重新发送',
  },
];

export function navItem(key: string): NavItem {
  const item = NAV_ITEMS.find((i) => i.key === key);
  if (!item) throw new Error(`unknown nav item ${key}`);
  return item;
}
