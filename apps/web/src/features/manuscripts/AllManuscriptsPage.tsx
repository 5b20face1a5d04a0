import { FileExcelOutlined } from '@ant-design/icons';
import type { Importance, ManuscriptStatus } from '@xuanlian/contracts';
import { Button, Card, DatePicker, Flex, Input, Select, Tabs } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { toIsoWithOffset } from '../../shared/format.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useCan } from '../auth/api.ts';
import { useCategories } from '../dictionaries/index.ts';
import { OverdueList } from '../reviews/index.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { exportManuscriptsUrl, useManuscripts, type ManuscriptFilters } from './api.ts';
import { IMPORTANCE_OPTIONS, STATUS_OPTIONS } from './labels.tsx';
import { ManuscriptTable } from './ManuscriptTable.tsx';

/** 全部稿件: everything submitted within the actor's scope, filtered and searched in Chinese. */
export default function AllManuscriptsPage() {
  const [params] = useSearchParams();
  // 约稿管理 links here with ?commissionId= to list a request's answers.
  const [filters, setFilters] = useState<ManuscriptFilters>(() => ({ view: 'all', page: 1, pageSize: 20, commissionId: params.get('commissionId') ?? undefined }));
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const list = useManuscripts(filters);
  const categories = useCategories();
  const filter = (patch: Partial<ManuscriptFilters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));
  const can = useCan();
  const [tab, setTab] = useState('all');

  return (
    <>
      <PageHeader
        title="全部稿件"
        extra={
          <Button icon={<FileExcelOutlined />} href={exportManuscriptsUrl(filters)} download data-testid="manuscripts-export">
            导出 Excel
          </Button>
        }
      />
      {can('manuscript.manage') && (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'all', label: '稿件' },
            { key: 'overdue', label: '超时环节' },
          ]}
          style={{ marginBottom: 8 }}
        />
      )}
      {tab === 'overdue' ? (
        <Card size="small">
          <OverdueList />
        </Card>
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Flex gap={12} wrap data-testid="manuscript-filters">
              <Input.Search
                allowClear
                placeholder="全文检索：标题、正文、图片说明、作者"
                onSearch={(q) => filter({ q: q.trim() || undefined })}
                style={{ flex: '2 1 260px' }}
                enterButton="检索"
                aria-label="全文检索"
                data-testid="manuscript-search"
              />
              <Select<ManuscriptStatus>
                allowClear
                placeholder="全部状态"
                options={STATUS_OPTIONS.filter((o) => o.value !== 'draft')}
                value={filters.status}
                onChange={(status) => filter({ status })}
                style={{ flex: '0 1 130px', minWidth: 110 }}
                aria-label="按状态筛选"
                data-testid="manuscript-filter-status"
              />
              <div style={{ flex: '1 1 200px' }}>
                <OrgTreeSelect allowClear placeholder="全部单位（含下级）" value={filters.orgId} onChange={(orgId) => filter({ orgId })} aria-label="按单位筛选" data-testid="manuscript-filter-org" />
              </div>
              <Select
                allowClear
                placeholder="全部栏目"
                options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                value={filters.categoryId}
                onChange={(categoryId?: string) => filter({ categoryId })}
                style={{ flex: '0 1 140px', minWidth: 120 }}
                aria-label="按栏目筛选"
                data-testid="manuscript-filter-category"
              />
              <Select<Importance>
                allowClear
                placeholder="重要程度"
                options={IMPORTANCE_OPTIONS}
                value={filters.importance}
                onChange={(importance) => filter({ importance })}
                style={{ flex: '0 1 160px', minWidth: 120 }}
                aria-label="按重要程度筛选"
              />
              <DatePicker.RangePicker
                value={range}
                onChange={(r) => {
                  setRange(r);
                  filter({ from: r?.[0] ? toIsoWithOffset(r[0].startOf('day')) : undefined, to: r?.[1] ? toIsoWithOffset(r[1].endOf('day')) : undefined });
                }}
                placeholder={['报送开始日期', '结束日期']}
                style={{ flex: '1 1 240px' }}
                data-testid="manuscript-filter-time"
              />
            </Flex>
          </Card>
          <Card size="small">
            <ManuscriptTable
              items={list.data?.items}
              total={list.data?.total ?? 0}
              loading={list.isFetching}
              error={list.error}
              page={filters.page}
              pageSize={filters.pageSize}
              onPage={(page, pageSize) => setFilters((f) => ({ ...f, page: pageSize === f.pageSize ? page : 1, pageSize }))}
              showOwner
              testId="all-manuscripts-table"
            />
          </Card>
        </>
      )}
    </>
  );
}
