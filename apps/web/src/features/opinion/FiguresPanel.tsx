import { Card, Col, DatePicker, Empty, Flex, Row, Statistic, Table, Typography } from 'antd';
import { INCIDENT_STAGE_LABELS, INCIDENT_STAGES, SENTIMENT_LABELS, type BriefFigures } from '@xuanlian/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateTime, toIsoWithOffset } from '../../shared/format.ts';
import { PageSpin } from '../../shared/ui/PageSpin.tsx';
import { OrgTreeSelect } from '../orgs/index.ts';
import { useBriefFigures } from './api.ts';
import { EChart, type ChartOption } from '../../shared/ui/EChart.tsx';
import { GradeTag, StageTag } from './labels.tsx';

function byDayOption(f: BriefFigures): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: ['信息总数', '负面'], bottom: 0 },
    grid: { left: 8, right: 8, top: 16, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: f.byDay.map((d) => d.day.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '信息总数', type: 'line', smooth: true, data: f.byDay.map((d) => d.total), itemStyle: { color: '#1677ff' }, areaStyle: { opacity: 0.08 } },
      { name: '负面', type: 'line', smooth: true, data: f.byDay.map((d) => d.negative), itemStyle: { color: '#f5222d' } },
    ],
  };
}

function sentimentOption(f: BriefFigures): ChartOption {
  const colors = { positive: '#52c41a', neutral: '#bfbfbf', negative: '#f5222d' } as const;
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 条（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        label: { formatter: '{b} {c}' },
        data: (['negative', 'neutral', 'positive'] as const).map((s) => ({ name: SENTIMENT_LABELS[s], value: f.sentiment[s], itemStyle: { color: colors[s] } })),
      },
    ],
  };
}

function stagesOption(f: BriefFigures): ChartOption {
  const open = INCIDENT_STAGES.filter((s) => s !== 'closed');
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: open.map((s) => INCIDENT_STAGE_LABELS[s]) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: open.map((s) => f.incidentsByStage[s]), itemStyle: { color: '#fa8c16' }, label: { show: true, position: 'top' } }],
  };
}

function Figures({ f }: { f: BriefFigures }) {
  const options = useMemo(() => ({ byDay: byDayOption(f), sentiment: sentimentOption(f), stages: stagesOption(f) }), [f]);
  const openCount = INCIDENT_STAGES.filter((s) => s !== 'closed').reduce((n, s) => n + f.incidentsByStage[s], 0);
  return (
    <Flex vertical gap={16}>
      <Row gutter={[12, 12]}>
        {[
          { title: '舆情信息', value: f.total, testId: 'figure-total' },
          { title: '负面信息', value: f.sentiment.negative, color: '#f5222d', testId: 'figure-negative' },
          { title: '预警', value: f.alerts, testId: 'figure-alerts' },
          { title: '未办结事件', value: openCount, testId: 'figure-open-incidents' },
        ].map((s) => (
          <Col xs={12} md={6} key={s.title}>
            <Card size="small">
              <Statistic title={s.title} value={s.value} styles={s.color ? { content: { color: s.color } } : undefined} data-testid={s.testId} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Card size="small" title="每日信息量">
            {f.byDay.length ? <EChart option={options.byDay} testId="figures-by-day" label="每日舆情信息数量和负面数量" /> : <Empty />}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title="情感分布">
            {f.total ? <EChart option={options.sentiment} testId="figures-sentiment" label="正面、中性、负面信息的占比" /> : <Empty />}
          </Card>
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Card size="small" title="热点信息（按转载量）">
            <Table
              size="small"
              rowKey="clusterId"
              pagination={false}
              dataSource={f.topClusters}
              scroll={{ x: 480 }}
              columns={[
                { title: '标题', dataIndex: 'title', render: (v: string, c) => <Link to={`/mentions?clusterId=${c.clusterId}`}>{v}</Link> },
                { title: '条数', dataIndex: 'count', width: 60 },
                { title: '负面', dataIndex: 'negative', width: 60 },
                { title: '首发', key: 'first', width: 170, render: (_v, c) => `${c.firstSourceName} ${formatDateTime(c.firstAt)}` },
              ]}
              data-testid="figures-top-clusters"
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title="未办结事件（按环节）">
            <EChart option={options.stages} height={220} testId="figures-stages" label="未办结舆情事件在各环节的数量" />
            {f.openIncidents.map((i) => (
              <Flex key={i.id} gap={4} align="center" wrap style={{ marginTop: 6 }}>
                <GradeTag value={i.grade} />
                <StageTag value={i.stage} />
                <Link to={`/incidents?id=${i.id}`}>{i.title}</Link>
                {i.overdue && <Typography.Text type="danger">（已逾期）</Typography.Text>}
              </Flex>
            ))}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

/** The brief's figures for any period, as charts: what the .docx says, for people who would rather look. */
export function FiguresPanel() {
  const [orgId, setOrgId] = useState<string>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(6, 'day').startOf('day'), dayjs().endOf('day')]);
  const figures = useBriefFigures({ from: toIsoWithOffset(range[0].startOf('day')), to: toIsoWithOffset(range[1].add(1, 'day').startOf('day')), orgId });
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          onChange={(r) => r?.[0] && r[1] && setRange([r[0], r[1]])}
          presets={[
            { label: '今天', value: [dayjs().startOf('day'), dayjs()] },
            { label: '近 7 天', value: [dayjs().subtract(6, 'day'), dayjs()] },
            { label: '近 30 天', value: [dayjs().subtract(29, 'day'), dayjs()] },
          ]}
          data-testid="figures-range"
        />
        <div style={{ flex: '0 1 260px', minWidth: 200 }}>
          <OrgTreeSelect value={orgId} onChange={setOrgId} allowClear placeholder="全部单位" aria-label="单位" />
        </div>
      </Flex>
      {figures.isError && <Typography.Text type="danger">{errorMessage(figures.error)}</Typography.Text>}
      {figures.isLoading ? <PageSpin /> : figures.data && <Figures f={figures.data} />}
    </Flex>
  );
}
