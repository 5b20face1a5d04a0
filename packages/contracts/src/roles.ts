export const ROLES = ['reporter', 'chief_reporter', 'reviewer', 'editor', 'monitor', 'leader', 'sysadmin', 'secadmin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS = {
  reporter: '信息员',
  chief_reporter: '首席通讯员',
  reviewer: '审核人',
  editor: '宣传办编辑',
  monitor: '舆情员',
  leader: '领导小组',
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditor: '审计管理员',
} as const satisfies Record<Role, string>;

/** 三员分立: one person never holds two of these. */
export const SEPARATED_ADMIN_ROLES = ['sysadmin', 'secadmin', 'auditor'] as const satisfies readonly Role[];
