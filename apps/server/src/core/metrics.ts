import { Counter, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Metrics of the whole process (one process is one scrape target): Node's own figures and the
 * counters bumped from deep inside core, where no app instance is at hand. Per-app metrics
 * (requests, queue, deliveries) live in `modules/health/metrics.ts` and are served together.
 */
export const processMetrics = new Registry();
collectDefaultMetrics({ register: processMetrics });

/** An audit row that could not be written: the change it belonged to was refused (fail-closed). */
export const auditWriteFailures = new Counter({
  name: 'xuanlian_audit_write_failures_total',
  help: '审计日志写入失败次数（对应的业务操作已回滚）',
  registers: [processMetrics],
});
