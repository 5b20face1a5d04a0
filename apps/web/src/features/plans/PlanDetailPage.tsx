import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Flex, Spin, Typography } from 'antd';
import type { Task } from '@xuanlian/contracts';
import { useState } from 'react';
import { useParams } from 'react-router';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateCn } from '../../shared/format.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { planSummaryUrl, usePlan } from './api.ts';
import { AddTaskModal } from './AddTaskModal.tsx';
import { AssignModal } from './AssignModal.tsx';
import { TaskDrawer } from './TaskDrawer.tsx';
import { TaskTable } from './TaskTable.tsx';

export default function PlanDetailPage() {
  const { id } = useParams();
  const plan = usePlan(id);
  const [open, setOpen] = useState<string | null>(null);
  const [assign, setAssign] = useState<Task | null>(null);
  const [adding, setAdding] = useState<{ id: string | null; name: string } | null>(null);
  if (plan.isPending) return <Spin />;
  if (plan.isError) return <Alert type="error" title={errorMessage(plan.error)} />;
  const p = plan.data;
  const groups = [
    ...p.phases.map((ph) => ({ id: ph.id as string | null, name: ph.name, range: ph.startOn && ph.endOn ? `${formatDateCn(ph.startOn)} 至 ${formatDateCn(ph.endOn)}` : '' })),
    { id: null, name: '其他任务', range: '' },
  ];
  return (
    <>
      <PageHeader
        title={p.title}
        extra={
          <Button icon={<DownloadOutlined />} href={planSummaryUrl(p.id)} data-testid="plan-summary-download">
            落实情况汇总
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={16} wrap>
          <Typography.Text>
            {p.orgName} · {p.year}年
          </Typography.Text>
          <span>
            已办结 {p.stats.done}/{p.stats.total}
          </span>
          <Badge color="red" text={`逾期 ${p.stats.red}`} />
          <Badge color="gold" text={`临期 ${p.stats.yellow}`} />
          {p.stats.unassigned > 0 && <Badge color="default" text={`未分派 ${p.stats.unassigned}`} />}
        </Flex>
      </Card>
      <Flex vertical gap={16}>
        {groups.map((g) => {
          const tasks = p.tasks.filter((t) => t.phaseId === g.id);
          if (tasks.length === 0 && g.id === null) return null;
          return (
            <Card
              key={g.id ?? 'none'}
              size="small"
              title={g.name}
              extra={
                <Flex gap={8} align="center">
                  <Typography.Text type="secondary">{g.range}</Typography.Text>
                  {p.canManage && <Button size="small" type="text" icon={<PlusOutlined />} onClick={() => setAdding({ id: g.id, name: g.name })} aria-label={`在${g.name}添加任务`} />}
                </Flex>
              }
              data-testid={`plan-phase-${g.name}`}
            >
              <TaskTable tasks={tasks} onOpen={(t) => setOpen(t.id)} onAssign={p.canManage ? setAssign : undefined} />
            </Card>
          );
        })}
      </Flex>
      {open && <TaskDrawer taskId={open} onClose={() => setOpen(null)} />}
      {assign && <AssignModal task={assign} onClose={() => setAssign(null)} />}
      {adding && <AddTaskModal planId={p.id} phaseId={adding.id} phaseName={adding.name} onClose={() => setAdding(null)} />}
    </>
  );
}
