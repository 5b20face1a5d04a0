import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, Table, type TableColumnsType } from 'antd';
import type { PlanSummary } from '@xuanlian/contracts';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../shared/api/errors.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useCan } from '../auth/api.ts';
import { usePlans } from './api.ts';

export default function PlansPage() {
  const can = useCan();
  const navigate = useNavigate();
  const plans = usePlans();
  const columns: TableColumnsType<PlanSummary> = [
    {
      title: '方案',
      dataIndex: 'title',
      render: (v: string, p) => (
        <Link to={`/plans/${p.id}`} data-testid={`plan-link-${p.id}`}>
          {v}
        </Link>
      ),
    },
    { title: '制定单位', dataIndex: 'orgName', responsive: ['md'] },
    { title: '年度', dataIndex: 'year', width: 80, responsive: ['sm'] },
    {
      title: '任务进度',
      key: 'stats',
      render: (_v, p) => (
        <Flex gap={12} wrap>
          <span>
            已办结 {p.stats.done}/{p.stats.total}
          </span>
          {p.stats.red > 0 && <Badge color="red" text={`逾期 ${p.stats.red}`} />}
          {p.stats.yellow > 0 && <Badge color="gold" text={`临期 ${p.stats.yellow}`} />}
          {p.stats.unassigned > 0 && <Badge color="default" text={`未分派 ${p.stats.unassigned}`} />}
        </Flex>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title="工作方案"
        extra={
          can('plan.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/plans/new')} data-testid="plan-new">
              导入工作方案
            </Button>
          )
        }
      />
      <Card size="small">
        <Table<PlanSummary>
          rowKey="id"
          columns={columns}
          dataSource={plans.data?.items}
          loading={plans.isFetching}
          pagination={false}
          locale={{ emptyText: plans.isError ? errorMessage(plans.error) : '暂无工作方案' }}
          data-testid="plan-table"
        />
      </Card>
    </>
  );
}
