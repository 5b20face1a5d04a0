import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { GRADE_LABELS, GRADES, INCIDENT_STAGE_LABELS, INCIDENT_STAGES, type Grade, type Incident, type IncidentStage } from '@xuanlian/contracts';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useIsMobile } from '../../shared/ui/useIsMobile.ts';
import { useCan } from '../auth/api.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { useIncidents, type IncidentFilters } from './api.ts';
import { CreateIncidentModal } from './CreateIncidentModal.tsx';
import { IncidentDrawer } from './IncidentDrawer.tsx';
import { GradeTag, StageTag } from './labels.tsx';

export default function IncidentsPage() {
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const openId = params.get('id') ?? undefined;
  // 工作台's 待办 links here with ?overdue=true.
  const [filters, setFilters] = useState<IncidentFilters>(() => ({ open: 'true', page: 1, pageSize: 20, ...(params.get('overdue') === 'true' ? { overdue: 'true' as const } : {}) }));
  const [creating, setCreating] = useState(false);
  const list = useIncidents(filters);
  const isMobile = useIsMobile();
  const filter = (patch: Partial<IncidentFilters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));
  const open = (id?: string) => setParams(id ? { id } : {});

  const columns: TableColumnsType<Incident> = [
    {
      title: '事件',
      key: 'title',
      render: (_v, i) => (
        <Flex vertical gap={2}>
          <Typography.Link onClick={() => open(i.id)} data-testid={`incident-open-${i.id}`}>
            {i.title}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {i.orgName} · 立于 {formatDateTime(i.createdAt)}
          </Typography.Text>
          {isMobile && (
            <span>
              <GradeTag value={i.grade} />
              <StageTag value={i.stage} />
              {i.overdue && <Tag color="red">逾期</Tag>}
            </span>
          )}
        </Flex>
      ),
    },
    ...(isMobile
      ? []
      : ([
          { title: '等级', dataIndex: 'grade', width: 100, render: (v: Grade) => <GradeTag value={v} /> },
          { title: '环节', dataIndex: 'stage', width: 90, render: (v: IncidentStage) => <StageTag value={v} /> },
          {
            title: '承办 / 期限',
            key: 'owner',
            render: (_v: unknown, i: Incident) =>
              i.stage === 'closed' ? (
                `办结于 ${formatDateTime(i.closedAt)}`
              ) : (
                <Flex vertical gap={0}>
                  <span>{i.stageOwnerOrgName}</span>
                  <Typography.Text type={i.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                    {i.stageDeadline ? `期限 ${formatDateTime(i.stageDeadline)}` : '无期限'}
                    {i.overdue ? '（已逾期）' : ''}
                  </Typography.Text>
                </Flex>
              ),
          },
        ] as TableColumnsType<Incident>)),
  ];

  return (
    <>
      <PageHeader
        title="舆情事件"
        extra={
          can('opinion.monitor') && (
            <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="incident-create">
              登记事件
            </Button>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap>
          <div style={{ flex: '1 1 220px' }}>
            <OrgTreeSelect value={filters.orgId} onChange={(orgId) => filter({ orgId })} allowClear placeholder="全部单位" aria-label="单位" />
          </div>
          <Select<'true' | 'false'>
            allowClear
            placeholder="全部"
            value={filters.open}
            onChange={(v) => filter({ open: v })}
            options={[
              { value: 'true', label: '未办结' },
              { value: 'false', label: '已办结' },
            ]}
            style={{ minWidth: 110 }}
            aria-label="是否办结"
            data-testid="incident-filter-open"
          />
          <Select<IncidentStage>
            allowClear
            placeholder="全部环节"
            value={filters.stage}
            onChange={(stage) => filter({ stage })}
            options={INCIDENT_STAGES.map((s) => ({ value: s, label: INCIDENT_STAGE_LABELS[s] }))}
            style={{ minWidth: 110 }}
            aria-label="环节"
          />
          <Select<Grade>
            allowClear
            placeholder="全部等级"
            value={filters.grade}
            onChange={(grade) => filter({ grade })}
            options={GRADES.map((g) => ({ value: g, label: GRADE_LABELS[g] }))}
            style={{ minWidth: 110 }}
            aria-label="等级"
          />
          <Select<'true' | 'false'>
            allowClear
            placeholder="是否逾期"
            value={filters.overdue}
            onChange={(overdue) => filter({ overdue })}
            options={[
              { value: 'true', label: '已逾期' },
              { value: 'false', label: '未逾期' },
            ]}
            style={{ minWidth: 110 }}
            aria-label="是否逾期"
          />
        </Flex>
      </Card>
      <Card size="small">
        <Table<Incident>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isLoading}
          locale={{ emptyText: list.isError ? errorMessage(list.error) : '没有符合条件的舆情事件' }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (n) => `共 ${n} 件`,
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
          data-testid="incident-table"
        />
      </Card>
      {openId && <IncidentDrawer id={openId} onClose={() => open()} />}
      {creating && <CreateIncidentModal from={{}} defaultTitle="" onClose={() => setCreating(false)} />}
    </>
  );
}
