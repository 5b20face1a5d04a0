import { Card, Flex, Segmented } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../shared/api/errors.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useCan } from '../auth/api.ts';
import { TaskDrawer, TaskTable, useTasks, type TaskFilters } from '../plans/index.ts';

type View = 'all' | 'red' | 'yellow' | 'unit' | 'office';

/** Every task the actor can see across plans, sorted by deadline, with the queues that need someone now. */
export default function SupervisionPage() {
  const can = useCan();
  // 工作台's 待办 links land on a queue: ?view=unit / office.
  const [params] = useSearchParams();
  const [view, setView] = useState<View>(() => (['red', 'yellow', 'unit', 'office'].includes(params.get('view') ?? '') ? (params.get('view') as View) : 'all'));
  // A notice about one task links here with ?task=<id>: open it.
  const [open, setOpen] = useState<string | null>(() => params.get('task'));
  const filters: TaskFilters = {
    page: 1,
    pageSize: 200,
    ...(view === 'red' ? { light: 'red' as const } : view === 'yellow' ? { light: 'yellow' as const } : {}),
    ...(view === 'unit' ? { needsUnit: true } : view === 'office' ? { needsOffice: true } : {}),
  };
  const tasks = useTasks(filters);
  const options = [
    { value: 'all' as const, label: '全部任务' },
    { value: 'red' as const, label: '逾期（红灯）' },
    { value: 'yellow' as const, label: '临期（黄灯）' },
    ...(can('task.report') ? [{ value: 'unit' as const, label: '待签收/答复' }] : []),
    ...(can('plan.manage') ? [{ value: 'office' as const, label: '待复核/审批' }] : []),
  ];
  return (
    <>
      <PageHeader title="督办" />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex style={{ overflowX: 'auto' }}>
          <Segmented<View> options={options} value={view} onChange={setView} data-testid="supervision-view" />
        </Flex>
      </Card>
      <Card size="small">
        <TaskTable
          tasks={tasks.data?.items ?? []}
          loading={tasks.isFetching}
          onOpen={(t) => setOpen(t.id)}
          showPlan
          locale={{ emptyText: tasks.isError ? errorMessage(tasks.error) : '没有需要关注的任务' }}
          data-testid="supervision-table"
        />
      </Card>
      {open && <TaskDrawer taskId={open} onClose={() => setOpen(null)} />}
    </>
  );
}
