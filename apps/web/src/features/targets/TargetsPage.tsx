import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Spin, Table, Tabs, Tag, Typography } from 'antd';
import type { SummaryFigure } from '@xuanlian/contracts';
import { useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateCn } from '../../shared/format.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { thisYear, YearSelect } from '../../shared/ui/YearSelect.tsx';
import { studyArchiveUrl } from '../activities/api.ts';
import { homeOrgId, useMe } from '../auth/api.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { annualSummaryUrl, useBoard, useCoverage, useSummaryFigures, useTargets } from './api.ts';
import { CoverageHeatmap } from './CoverageHeatmap.tsx';
import { TargetBoard } from './TargetBoard.tsx';
import { TargetCards } from './TargetCards.tsx';

function Figures({ items }: { items: SummaryFigure[] }) {
  return (
    <Table<SummaryFigure>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={items}
      columns={[
        { title: '项目', dataIndex: 'label' },
        { title: '数值', key: 'v', render: (_v, f) => (f.value === null ? <Tag color="gold">待接入</Tag> : `${f.value} ${f.unit}`) },
        { title: '来源', dataIndex: 'source', responsive: ['sm'], render: (v: string) => v.replace('〔待接入〕', '') },
      ]}
    />
  );
}

export default function TargetsPage() {
  const me = useMe();
  const [orgId, setOrgId] = useState<string | undefined>(homeOrgId(me));
  const [year, setYear] = useState(thisYear());
  const [tab, setTab] = useState('unit');
  const targets = useTargets(orgId, year);
  const board = useBoard(orgId, year, tab === 'board');
  const coverage = useCoverage(orgId, year, tab === 'coverage');
  const figures = useSummaryFigures(orgId, year, tab === 'summary');

  const unitTab = targets.isPending ? (
    <Spin />
  ) : targets.isError ? (
    <Alert type="error" title={errorMessage(targets.error)} />
  ) : (
    <>
      <Typography.Paragraph type="secondary">
        {targets.data.orgName} · {year}年 · 统计至{formatDateCn(targets.data.asOf)}。灯色由活动台账自动计算：绿灯为达标或符合序时进度，黄灯为落后于序时进度，红灯为严重滞后或年度未完成。
      </Typography.Paragraph>
      <TargetCards data={targets.data} />
    </>
  );

  return (
    <>
      <PageHeader
        title="指标完成"
        extra={
          orgId && (
            <>
              <Button icon={<DownloadOutlined />} href={studyArchiveUrl(orgId, year)} data-testid="targets-download-archive">
                学习档案
              </Button>
              <Button icon={<DownloadOutlined />} href={annualSummaryUrl(orgId, year)} data-testid="download-annual-summary">
                年度工作总结初稿
              </Button>
            </>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap>
          <div style={{ flex: '1 1 220px' }}>
            <OrgTreeSelect value={orgId} onChange={setOrgId} placeholder="选择单位" aria-label="单位" data-testid="targets-org" />
          </div>
          <YearSelect value={year} onChange={setYear} testId="targets-year" />
        </Flex>
      </Card>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'unit', label: '本单位指标', children: unitTab },
            {
              key: 'board',
              label: '下级单位总览',
              children: board.data ? <TargetBoard data={board.data} onPick={(id) => (setOrgId(id), setTab('unit'))} /> : <Spin />,
            },
            { key: 'coverage', label: '宣讲覆盖热力图', children: coverage.data ? <CoverageHeatmap data={coverage.data} /> : <Spin /> },
            {
              key: 'summary',
              label: '年度总结数据',
              children: figures.data ? (
                <>
                  <Typography.Paragraph type="secondary">“年度工作总结初稿”按以下数据生成（报送、用稿与“统计”页口径一致，舆情事件按办结时间计），文字部分留待编辑完善。</Typography.Paragraph>
                  <Figures items={figures.data.figures} />
                </>
              ) : (
                <Spin />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
