import { z } from 'zod';

/** The closed list of audited actions; adding one is a deliberate change here. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.lock',
  'auth.password_change',
  'org.create',
  'org.update',
  'org.move',
  'org.import',
  'user.create',
  'user.update',
  'user.activate',
  'user.unlock',
  'user.grant',
  'user.import',
  'security.policy_update',
  'audit.export',
  'audit.verify',
  'source.create',
  'source.update',
  'source.fetch_policy_update',
  'mention.create',
  'mention.import',
  'mention.mark',
  'topic.create',
  'topic.update',
  'alert_rule.create',
  'alert_rule.update',
  'alert.ack',
  'incident.create',
  'incident.transition',
  'incident.grade',
  'incident.note',
  'incident.escalate',
  'brief.generate',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.logout': '退出登录',
  'auth.lock': '账号锁定',
  'auth.password_change': '修改密码',
  'org.create': '新建单位',
  'org.update': '修改单位',
  'org.move': '移动单位',
  'org.import': '导入单位',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.activate': '启用账号',
  'user.unlock': '解锁账号',
  'user.grant': '调整角色',
  'user.import': '导入用户',
  'security.policy_update': '修改安全策略',
  'audit.export': '导出审计日志',
  'audit.verify': '校验审计日志',
  'source.create': '新建信源',
  'source.update': '修改信源',
  'source.fetch_policy_update': '修改信源抓取地址白名单',
  'mention.create': '录入舆情信息',
  'mention.import': '导入舆情信息',
  'mention.mark': '标记舆情信息',
  'topic.create': '新建监测专题',
  'topic.update': '修改监测专题',
  'alert_rule.create': '新建预警规则',
  'alert_rule.update': '修改预警规则',
  'alert.ack': '处理预警',
  'incident.create': '新建舆情事件',
  'incident.transition': '舆情事件流转',
  'incident.grade': '舆情事件定级',
  'incident.note': '舆情事件记事',
  'incident.escalate': '舆情事件超期升级',
  'brief.generate': '生成舆情简报',
} as const satisfies Record<AuditAction, string>;

export const AuditLog = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  targetType: z.string(),
  targetId: z.string().nullable(),
  orgId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});
export type AuditLog = z.infer<typeof AuditLog>;

export const AuditLogQuery = z.strictObject({
  actorId: z.uuid().optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  orgId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditLogQuery = z.infer<typeof AuditLogQuery>;
export const AuditLogListOutput = z.object({ items: z.array(AuditLog), total: z.number().int() });

export const AuditVerifyOutput = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.number().int().nullable(),
  message: z.string(),
});
export type AuditVerifyOutput = z.infer<typeof AuditVerifyOutput>;
