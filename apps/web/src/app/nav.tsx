import type { Permission } from '@xuanlian/contracts';

/**
 * The one list of areas: the side menu, the 工作台 cards and the route guards all read it, so a
 * menu entry can never point at a page its guard would refuse. Only built pages belong here.
 */
export interface NavItem {
  key: string;
  path: string;
  label: string;
  /** Shown when the actor holds any of these; empty = everyone. */
  anyOf: readonly Permission[];
  description: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', path: '/', label: '工作台', anyOf: [], description: '' },
  {
    key: 'manuscripts',
    path: '/manuscripts',
    label: '我的稿件',
    anyOf: ['manuscript.submit'],
    description: '写稿、导入 Word、检查后报送，查看审核进度和退回意见',
  },
  {
    key: 'quick',
    path: '/quick-submit',
    label: '手机报送',
    anyOf: ['manuscript.submit'],
    description: '在手机上传 Word 文档，自动检查，补全后一键报送',
  },
  {
    key: 'urgent',
    path: '/urgent',
    label: '突发事件',
    anyOf: ['manuscript.submit', 'manuscript.review', 'manuscript.manage'],
    description: '首报倒计时，续报、终报按顺序接续',
  },
  {
    key: 'reviews',
    path: '/reviews',
    label: '待我审核',
    anyOf: ['manuscript.review'],
    description: '逐级审核稿件：通过、退回或修改后通过，支持批量通过',
  },
  {
    key: 'allManuscripts',
    path: '/all-manuscripts',
    label: '全部稿件',
    anyOf: ['manuscript.manage', 'manuscript.review'],
    description: '按状态、单位、栏目、时间筛选和全文检索，导出 Excel',
  },
  {
    key: 'commissions',
    path: '/commissions',
    label: '约稿管理',
    anyOf: ['manuscript.manage'],
    description: '向单位约稿，跟踪应约情况和逾期未报',
  },
  {
    key: 'manuscriptSettings',
    path: '/manuscript-settings',
    label: '稿件设置',
    anyOf: ['manuscript.manage'],
    description: '审核策略、敏感词、领导姓名职务、栏目分类和报送规则',
  },
  {
    key: 'activities',
    path: '/activities',
    label: '活动台账',
    anyOf: ['activity.read', 'activity.record'],
    description: '登记中心组学习、宣讲、培训、例会等活动，考勤、纪要和照片留痕，导出学习档案',
  },
  {
    key: 'targets',
    path: '/targets',
    label: '指标完成',
    anyOf: ['activity.read'],
    description: '按台账自动亮灯的年度指标、宣讲覆盖热力图和年度工作总结初稿',
  },
  {
    key: 'plans',
    path: '/plans',
    label: '工作方案',
    anyOf: ['plan.read'],
    description: '粘贴或上传工作方案，自动拆分阶段和任务，分派牵头单位',
  },
  {
    key: 'supervision',
    path: '/supervision',
    label: '督办',
    anyOf: ['plan.read'],
    description: '任务进展、红黄蓝灯、督办单签收答复、延期审批和办结复核',
  },
  {
    key: 'orgs',
    path: '/orgs',
    label: '单位管理',
    anyOf: ['org.manage'],
    description: '维护单位树：新建、改名、调整隶属关系、停用，批量导入单位和用户',
  },
  {
    key: 'users',
    path: '/users',
    label: '用户管理',
    anyOf: ['user.read', 'user.manage'],
    description: '查看和维护用户账号、角色授权，启用和解锁账号',
  },
  {
    key: 'security',
    path: '/security-policy',
    label: '安全策略',
    anyOf: ['security.manage'],
    description: '设置密码规则、登录失败锁定和会话超时',
  },
  {
    key: 'audit',
    path: '/audit-logs',
    label: '审计日志',
    anyOf: ['audit.read'],
    description: '查询、导出操作记录，校验日志完整性',
  },
  {
    key: 'mentions',
    path: '/mentions',
    label: '舆情信息',
    anyOf: ['opinion.read'],
    description: '按专题、情感、信源、时间筛选和全文检索，标记已读、重要、无关，查看转载传播',
  },
  {
    key: 'opinionAlerts',
    path: '/alerts',
    label: '预警',
    anyOf: ['opinion.read'],
    description: '我的预警、全部预警和预警规则：负面激增、重点信源、标题关键词',
  },
  {
    key: 'incidents',
    path: '/incidents',
    label: '舆情事件',
    anyOf: ['opinion.read'],
    description: '研判定级，按发现、研判、处置、回应、办结流转，记录官方回应和办结总结',
  },
  {
    key: 'briefs',
    path: '/briefs',
    label: '舆情简报',
    anyOf: ['opinion.read'],
    description: '日报、周报 Word 下载和统计图表',
  },
  {
    key: 'sources',
    path: '/sources',
    label: '信源',
    anyOf: ['opinion.read'],
    description: '订阅源、网页、人工录入和 CSV 导入，查看抓取健康状况',
  },
  {
    key: 'topics',
    path: '/topics',
    label: '监测专题',
    anyOf: ['opinion.read'],
    description: '用关键词规则定义专题，保存前试一试，设置预警接收人和免打扰时段',
  },
  { key: 'adoptions', path: '/adoptions', label: '用稿登记', anyOf: ['adoption.record', 'scoring.manage'], description: '登记媒体用稿和证明材料，由另一位编辑核实后计分' },
  { key: 'scores', path: '/scores', label: '积分', anyOf: ['scoring.read'], description: '我的积分和单位积分，每一分都有明细和所依据的规则' },
  { key: 'statistics', path: '/statistics', label: '统计', anyOf: ['scoring.read'], description: '按月、季、年统计报送、采用、批示和积分，排名、走势，导出 Excel' },
  { key: 'quotas', path: '/quotas', label: '任务指标', anyOf: ['scoring.read'], description: '任务分解表：在线填写或导入 Excel，序时进度、年底预测和落后预警' },
  { key: 'endorsements', path: '/endorsements', label: '领导批示', anyOf: ['scoring.read'], description: '登记领导对稿件的批示，按领导级别加分' },
  { key: 'outlets', path: '/outlets', label: '媒体库', anyOf: ['scoring.read'], description: '中央、省、市、县和自有媒体名录' },
  { key: 'scoringRules', path: '/scoring-rules', label: '计分规则', anyOf: ['scoring.read'], description: '分版本的计分规则、生效日期和按月关账' },
  {
    key: 'releases',
    path: '/releases',
    label: '信息发布',
    anyOf: ['release.manage'],
    description: '审核通过的稿件发布到网站、公众号等自有平台，公开发布页同步，定期清理过时信息',
  },
  {
    key: 'journals',
    path: '/journals',
    label: '刊物编辑',
    anyOf: ['journal.manage'],
    description: '编印《政务信息》等内部刊物：选稿排序、改稿、报送范围、出刊并导出 Word',
  },
  {
    key: 'notificationPrefs',
    path: '/notification-settings',
    label: '通知设置',
    anyOf: [],
    description: '选择哪些消息通过站内消息、哪些通过邮件通知我',
  },
  {
    key: 'notificationChannels',
    path: '/notification-channels',
    label: '通知渠道',
    anyOf: ['notification.manage'],
    description: '配置邮件服务器和各单位的企业微信、钉钉、飞书群机器人，发送测试，设置定时提醒',
  },
  {
    key: 'notificationDeliveries',
    path: '/notification-deliveries',
    label: '发送记录',
    anyOf: ['notification.manage'],
    description: '查看每条通知发给谁、经哪个渠道、是否成功，失败的可重新发送',
  },
  {
    key: 'bulletins',
    path: '/bulletins',
    label: '通报',
    anyOf: ['bulletin.manage'],
    description: '按月、季、年一键起草报送采用情况通报（Word 公文 + Excel 排名表），征求意见、答复异议、定稿',
  },
  {
    key: 'openBulletins',
    path: '/bulletins/open',
    label: '通报征求意见',
    anyOf: ['bulletin.appeal'],
    description: '核对上级通报中本单位的数据，在征求意见期内提出异议',
  },
  { key: 'dashboard', path: '/dashboard', label: '数据看板', anyOf: ['dashboard.read'], description: '报送走势、各级用稿、单位排名、类别构成和任务指标完成率，统计截止日和本月未报送单位' },
  { key: 'assessments', path: '/assessments', label: '年度考核', anyOf: ['assessment.read'], description: '按积分、任务指标、台账指标和工作任务加权考核各单位，排名、表扬和通报批评，导出 Excel' },
];

/**
 * The menu in the order an office works: 30-odd areas in one flat list could not be scanned, so
 * they are shown under these headings (the 工作台 cards use the same). An area missing here is
 * not lost: it shows under 其他.
 */
export const NAV_GROUPS: ReadonlyArray<{ key: string; label: string; items: readonly string[] }> = [
  { key: 'manuscripts', label: '稿件报送', items: ['manuscripts', 'quick', 'urgent', 'reviews', 'allManuscripts', 'commissions', 'manuscriptSettings'] },
  { key: 'publishing', label: '发布与用稿', items: ['releases', 'journals', 'adoptions', 'endorsements', 'outlets'] },
  { key: 'scoring', label: '积分与考核', items: ['dashboard', 'scores', 'statistics', 'quotas', 'bulletins', 'openBulletins', 'assessments', 'scoringRules'] },
  { key: 'ledgers', label: '台账与督办', items: ['activities', 'targets', 'plans', 'supervision'] },
  { key: 'opinion', label: '舆情监测', items: ['mentions', 'opinionAlerts', 'incidents', 'briefs', 'sources', 'topics'] },
  { key: 'system', label: '系统与通知', items: ['notificationPrefs', 'notificationChannels', 'notificationDeliveries', 'orgs', 'users', 'security', 'audit'] },
];

/** The visible items under their headings, in menu order; groups with nothing visible are left out. */
export function groupedNav(visible: readonly NavItem[]): Array<{ key: string; label: string; items: NavItem[] }> {
  const byKey = new Map(visible.map((i) => [i.key, i]));
  const grouped = new Set(NAV_GROUPS.flatMap((g) => g.items));
  const groups = NAV_GROUPS.map((g) => ({ key: g.key, label: g.label, items: g.items.flatMap((k) => byKey.get(k) ?? []) }));
  groups.push({ key: 'other', label: '其他', items: visible.filter((i) => i.key !== 'home' && !grouped.has(i.key)) });
  return groups.filter((g) => g.items.length > 0);
}

export function navItem(key: string): NavItem {
  const item = NAV_ITEMS.find((i) => i.key === key);
  if (!item) throw new Error(`unknown nav item ${key}`);
  return item;
}
