import { Button, Flex, Table, Tag, Typography, type TableColumnsType, type TableProps } from 'antd';
import { TASK_STATUS_LABELS, type Task } from '@xuanlian/contracts';
import { formatDateCn } from '../../shared/format.ts';
import { LightDot } from '../../shared/ui/Light.tsx';

/** Tasks with their lights; used by a plan's page and by the supervision lists. */
export function TaskTable({
  tasks,
  onOpen,
  onAssign,
  showPlan = false,
  ...rest
}: { tasks: Task[]; onOpen: (t: Task) => void; onAssign?: (t: Task) => void; showPlan?: boolean } & Omit<TableProps<Task>, 'columns' | 'dataSource'>) {
  const columns: TableColumnsType<Task> = [
    {
      title: '任务',
      dataIndex: 'title',
      render: (v: string, t) => (
        <Flex vertical>
          <a onClick={() => onOpen(t)} data-testid={`task-open-${t.sortOrder}`}>
            {v}
          </a>
          {showPlan && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t.planTitle}
            </Typography.Text>
          )}
          {t.openUrges > 0 && (
            <span>
              <Tag color="red" style={{ marginTop: 4 }}>
                督办中
              </Tag>
            </span>
          )}
        </Flex>
      ),
    },
    { title: '牵头单位', key: 'lead', render: (_v, t) => t.leadOrg?.name ?? <Tag>未分派</Tag> },
    { title: '时限', dataIndex: 'deadline', responsive: ['sm'], render: (v: string | null) => (v ? formatDateCn(v) : '未定') },
    { title: '状态', dataIndex: 'status', responsive: ['md'], render: (v: Task['status']) => TASK_STATUS_LABELS[v] },
    { title: '灯', dataIndex: 'light', render: (_v, t) => <LightDot light={t.light} kind="task" testId={`task-light-${t.sortOrder}`} /> },
    ...(onAssign
      ? [
          {
            title: '操作',
            key: 'ops',
            render: (_v: unknown, t: Task) =>
              t.actions.edit ? (
                <Button size="small" onClick={() => onAssign(t)} data-testid={`task-assign-${t.sortOrder}`}>
                  分派
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return <Table<Task> rowKey="id" size="small" columns={columns} dataSource={tasks} pagination={false} scroll={{ x: 'max-content' }} {...rest} />;
}
