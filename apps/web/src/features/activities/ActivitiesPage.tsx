import { DownloadOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ACTIVITY_CATEGORIES, ACTIVITY_CATEGORY_LABELS, VENUE_TYPE_LABELS, type ActivityCategory, type ActivitySummary } from '@xuanlian/contracts';
import { useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateCn } from '../../shared/format.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useIsMobile } from '../../shared/ui/useIsMobile.ts';
import { thisYear, YearSelect } from '../../shared/ui/YearSelect.tsx';
import { homeOrgId, useCan, useMe } from '../auth/api.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { studyArchiveUrl, useActivities, type ActivityFilters } from './api.ts';
import { ActivityFormDrawer } from './ActivityFormDrawer.tsx';
import { ActivityTypesModal } from './ActivityTypesModal.tsx';

type DrawerState = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; id: string };

export default function ActivitiesPage() {
  const me = useMe();
  const can = useCan();
  const [filters, setFilters] = useState<ActivityFilters>({ orgId: homeOrgId(me), year: thisYear(), page: 1, pageSize: 20 });
  const [drawer, setDrawer] = useState<DrawerState>({ mode: 'closed' });
  const [typesOpen, setTypesOpen] = useState(false);
  const list = useActivities(filters);
  const isMobile = useIsMobile();
  const filter = (patch: Partial<ActivityFilters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));

  const columns: TableColumnsType<ActivitySummary> = [
    { title: '日期', dataIndex: 'heldOn', width: 130, render: (v: string) => formatDateCn(v) },
    { title: '类型', dataIndex: 'typeName', render: (v: string) => <Tag color="blue">{v}</Tag> },
    {
      title: '主题',
      dataIndex: 'topic',
      render: (v: string, a) => (
        <Flex vertical>
          <Typography.Text>{v}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.orgName}
            {a.speaker ? ` · ${a.speaker}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '场所', dataIndex: 'venueType', responsive: ['md'], render: (v: keyof typeof VENUE_TYPE_LABELS) => VENUE_TYPE_LABELS[v] },
    {
      title: '参学 / 受众',
      key: 'stats',
      responsive: ['sm'],
      render: (_v, a) => (a.stats.roster > 0 ? `${a.stats.present + a.stats.madeUp}/${a.stats.roster}（${a.stats.attendanceRate ?? 0}%）` : a.stats.reach > 0 ? `受众 ${a.stats.reach} 人` : '—'),
    },
    { title: '附件', dataIndex: 'fileCount', responsive: ['lg'], width: 70 },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_v, a) =>
        a.canEdit ? (
          <Button type="link" size="small" onClick={() => setDrawer({ mode: 'edit', id: a.id })} data-testid={`activity-edit-${a.id}`}>
            修改
          </Button>
        ) : null,
    },
  ];

  // A phone gets one stacked column per record instead of a squeezed grid.
  const phoneColumns: TableColumnsType<ActivitySummary> = [
    {
      title: '活动',
      key: 'all',
      render: (_v, a) => (
        <Flex vertical gap={2}>
          <Flex gap={6} align="center" wrap>
            <Typography.Text type="secondary">{formatDateCn(a.heldOn)}</Typography.Text>
            <Tag color="blue">{a.typeName}</Tag>
          </Flex>
          <Typography.Text>{a.topic}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.orgName}
            {a.stats.roster > 0 ? ` · 参学 ${a.stats.present + a.stats.madeUp}/${a.stats.roster}` : a.stats.reach > 0 ? ` · 受众 ${a.stats.reach} 人` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    columns[columns.length - 1] as TableColumnsType<ActivitySummary>[number],
  ];

  return (
    <>
      <PageHeader
        title="活动台账"
        extra={
          <>
            {filters.orgId && (
              <Button icon={<DownloadOutlined />} href={studyArchiveUrl(filters.orgId, filters.year ?? thisYear())} data-testid="download-archive">
                学习档案
              </Button>
            )}
            {can('ledger.manage') && (
              <Button icon={<SettingOutlined />} onClick={() => setTypesOpen(true)}>
                活动类型
              </Button>
            )}
            {can('activity.record') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ mode: 'create' })} data-testid="activity-create">
                登记活动
              </Button>
            )}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap>
          <div style={{ flex: '1 1 220px' }}>
            <OrgTreeSelect value={filters.orgId} onChange={(orgId) => filter({ orgId })} allowClear placeholder="全部单位" aria-label="单位" data-testid="activity-filter-org" />
          </div>
          <YearSelect value={filters.year ?? thisYear()} onChange={(year) => filter({ year })} testId="activity-filter-year" />
          <Select<ActivityCategory>
            allowClear
            placeholder="全部类型"
            value={filters.category}
            onChange={(category) => filter({ category })}
            options={ACTIVITY_CATEGORIES.filter((c) => c !== 'other').map((c) => ({ value: c, label: ACTIVITY_CATEGORY_LABELS[c] }))}
            style={{ flex: '0 1 180px', minWidth: 140 }}
            aria-label="活动类别"
          />
        </Flex>
      </Card>
      <Card size="small">
        <Table<ActivitySummary>
          rowKey="id"
          size="middle"
          columns={isMobile ? phoneColumns : columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          locale={{ emptyText: list.isError ? errorMessage(list.error) : '暂无活动记录' }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (n) => `共 ${n} 条`,
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
          data-testid="activity-table"
        />
      </Card>
      {typesOpen && <ActivityTypesModal onClose={() => setTypesOpen(false)} />}
      {drawer.mode !== 'closed' && (
        <ActivityFormDrawer activityId={drawer.mode === 'edit' ? drawer.id : undefined} defaultOrgId={filters.orgId ?? me.orgId} onClose={() => setDrawer({ mode: 'closed' })} />
      )}
    </>
  );
}
