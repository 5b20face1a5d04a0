import type { OpenBulletin, Permission } from '@xuanlian/contracts';
import { api, type QueryParams } from '../../shared/api/client.ts';

/**
 * One thing waiting on the signed-in person: counted by the list that holds it (one row, its
 * total), shown only to whoever may act on it, and one tap from that list.
 */
export interface Todo {
  key: string;
  label: string;
  anyOf: Permission[];
  path: string;
  /** Urgent ones (returned, overdue) are red. */
  urgent?: boolean;
  count: (signal: AbortSignal) => Promise<number>;
}

const total = (path: string, query: QueryParams) => (signal: AbortSignal) => api.get<{ total: number }>(path, { ...query, page: 1, pageSize: 1 }, signal).then((r) => r.total);

const pendingReviews = (signal: AbortSignal) => api.get<{ count: number; overdue: number }>('/reviews/pending/count', undefined, signal);

export const TODOS: Todo[] = [
  { key: 'returned', label: '退回待修改的稿件', anyOf: ['manuscript.submit'], path: '/manuscripts?status=returned', urgent: true, count: total('/manuscripts', { view: 'mine', status: 'returned' }) },
  { key: 'drafts', label: '尚未报送的草稿', anyOf: ['manuscript.submit'], path: '/manuscripts?status=draft', count: total('/manuscripts', { view: 'mine', status: 'draft' }) },
  { key: 'reviews', label: '待我审核的稿件', anyOf: ['manuscript.review'], path: '/reviews', count: (signal) => pendingReviews(signal).then((r) => r.count) },
  { key: 'overdueReviews', label: '其中已超过审核时限', anyOf: ['manuscript.review'], path: '/reviews', urgent: true, count: (signal) => pendingReviews(signal).then((r) => r.overdue) },
  { key: 'verify', label: '待我核实的用稿', anyOf: ['scoring.manage'], path: '/adoptions', count: total('/adoptions', { toVerify: 'true' }) },
  {
    key: 'appeals',
    label: '正在征求意见的通报',
    anyOf: ['bulletin.appeal'],
    path: '/open-bulletins',
    count: (signal) => api.get<{ items: OpenBulletin[] }>('/bulletins/open', undefined, signal).then((r) => r.items.filter((b) => b.status === 'appeal').length),
  },
  { key: 'unitTasks', label: '待签收或答复的督办单', anyOf: ['task.report'], path: '/supervision?view=unit', urgent: true, count: total('/tasks', { needsUnit: 'true' }) },
  { key: 'redTasks', label: '已逾期的督办任务', anyOf: ['plan.manage'], path: '/supervision?view=red', urgent: true, count: total('/tasks', { light: 'red' }) },
  { key: 'officeTasks', label: '待复核或审批的任务', anyOf: ['plan.manage'], path: '/supervision?view=office', count: total('/tasks', { needsOffice: 'true' }) },
  { key: 'alerts', label: '待确认的舆情预警', anyOf: ['opinion.read'], path: '/alerts?tab=all&status=open', urgent: true, count: total('/alerts', { status: 'open' }) },
  { key: 'incidents', label: '已逾期的舆情事件', anyOf: ['opinion.read'], path: '/incidents?overdue=true', urgent: true, count: total('/incidents', { open: 'true', overdue: 'true' }) },
];
