export { listAuditLogs, exportAuditLogs, verifyAuditLogs } from './audit-logs.verbs.ts';
export { auditLogsRoutes } from './audit-logs.routes.ts';
