import { DownloadOutlined } from '@ant-design/icons';
import { OUTLET_LEVEL_LABELS, OUTLET_LEVELS, type StatGrain, type StatisticsQuery, type StatisticsRow } from '@xuanlian/contracts';
import { Alert, Button, Card, Flex, Segmented, Select, Table } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { defaultPeriod, periodOptions } from '../../shared/periods.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { thisYear, YearSelect } from '../../shared/ui/YearSelect.tsx';
import { OrgTreeSelect } from '../orgs/index.ts';
import { statisticsXlsxUrl, useStatistics, useTrend } from './api.ts';
import { TrendChart } from './TrendChart.tsx';

/** 统计: per unit or per person for a month, quarter or year, ranked by points, with the trend. */
export default function StatisticsPage() {
  const [year, setYear] = useState(thisYear());
  const [grain, setGrain] = useState<StatGrain>('year');
  const [period, setPeriod] = useState(defaultPeriod('year', thisYear()));
  const [by, setBy] = useState<'org' | 'user'>('org');
  const [orgId, setOrgId] = useState<string | undefined>();
  const query: StatisticsQuery = { grain, period, by, ...(orgId ? { orgId } : {}) };
  const stats = useStatistics(query);
  const trend = useTrend(year, orgId);
  return (
    <>
      <PageHeader
        title="统计"
        extra={
          <Button icon={<DownloadOutlined />} href={statisticsXlsxUrl(query)}>
            导出 Excel
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap>
          <YearSelect
            value={year}
            onChange={(y) => {
              setYear(y);
              setPeriod(defaultPeriod(grain, y));
            }}
            testId="stats-year"
          />
          <Segmented
            value={grain}
            onChange={(g) => {
              setGrain(g as StatGrain);
              setPeriod(defaultPeriod(g as StatGrain, year));
            }}
            options={[
              { value: 'month', label: '月度' },
              { value: 'quarter', label: '季度' },
              { value: 'year', label: '年度' },
            ]}
          />
          <Select style={{ width: 150 }} value={period} onChange={setPeriod} options={periodOptions(grain, year)} />
          <Segmented
            value={by}
            onChange={(v) => setBy(v as 'org' | 'user')}
            options={[
              { value: 'org', label: '按单位' },
              { value: 'user', label: '按个人' },
            ]}
          />
          <div style={{ flex: '1 1 200px' }}>
            <OrgTreeSelect value={orgId} onChange={setOrgId} placeholder="全部单位" aria-label="单位" allowClear />
          </div>
        </Flex>
      </Card>
      {stats.isError && <Alert type="error" title={errorMessage(stats.error)} />}
      <Table<StatisticsRow>
        rowKey={(r) => `${r.orgId}:${r.userId ?? ''}`}
        size="small"
        loading={stats.isPending}
        dataSource={stats.data?.rows ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="stats-table"
        columns={[
          { title: '排名', dataIndex: 'rank', width: 56 },
          { title: '单位', dataIndex: 'orgName' },
          ...(by === 'user' ? [{ title: '姓名', dataIndex: 'userName' }] : []),
          { title: '报送', dataIndex: 'submitted' },
          { title: '通过', dataIndex: 'approved' },
          { title: '发布', dataIndex: 'released', responsive: ['md' as const] },
          ...OUTLET_LEVELS.map((l) => ({ title: `${OUTLET_LEVEL_LABELS[l]}用稿`, key: l, responsive: ['sm' as const], render: (_v: unknown, r: StatisticsRow) => r.adopted[l] })),
          { title: '用稿', dataIndex: 'adoptedTotal' },
          { title: '批示', dataIndex: 'endorsements', responsive: ['sm' as const] },
          { title: '积分', dataIndex: 'points' },
        ]}
      />
      <Card size="small" title={`${year}年逐月走势`} style={{ marginTop: 16 }}>
        {trend.data && <TrendChart data={trend.data} />}
      </Card>
    </>
  );
}
