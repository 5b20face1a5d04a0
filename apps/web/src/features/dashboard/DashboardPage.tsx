import type { DashboardOutput, StatGrain } from '@xuanlian/contracts';
import { Alert, Card, Col, Flex, Row, Segmented, Select, Statistic, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateCn } from '../../shared/format.ts';
import { defaultPeriod, periodOptions, upToThisMonth } from '../../shared/periods.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { thisYear } from '../../shared/ui/YearSelect.tsx';
import { OrgTreeSelect } from '../orgs/index.ts';
import { EChart } from '../../shared/ui/EChart.tsx';
import { useDashboard } from './api.ts';

function options(d: DashboardOutput) {
  const grid = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true };
  return {
    trend: {
      tooltip: { trigger: 'axis' },
      legend: { data: ['报送', '用稿'], top: 0, right: 0 },
      grid,
      xAxis: { type: 'category', data: d.trend.months.map((m) => `${Number(m.slice(5))}月`) },
      yAxis: { type: 'value', name: '篇', minInterval: 1 },
      // Months still ahead have no figures yet (not zero), and a monotone curve never dips below 0.
      series: [
        { name: '报送', type: 'line', smooth: 0.3, smoothMonotone: 'x', data: upToThisMonth(d.trend.months, d.trend.submitted) },
        { name: '用稿', type: 'line', smooth: 0.3, smoothMonotone: 'x', data: upToThisMonth(d.trend.months, d.trend.adopted) },
      ],
    },
    levels: {
      tooltip: { trigger: 'axis' },
      grid,
      xAxis: { type: 'category', data: d.adoptionsByLevel.map((l) => l.label) },
      yAxis: { type: 'value', name: '篇' },
      series: [{ name: '用稿', type: 'bar', data: d.adoptionsByLevel.map((l) => l.count) }],
    },
    ranking: {
      tooltip: { trigger: 'axis' },
      grid,
      xAxis: { type: 'value', name: '分' },
      yAxis: { type: 'category', inverse: true, data: d.ranking.map((r) => r.orgName) },
      series: [{ name: '积分', type: 'bar', data: d.ranking.map((r) => r.points) }],
    },
    mix: {
      tooltip: { trigger: 'item', formatter: '{b}：{c} 篇（{d}%）' },
      legend: { type: 'scroll', bottom: 0 },
      series: [{ name: '类别', type: 'pie', radius: ['35%', '65%'], data: d.categoryMix.map((c) => ({ name: c.name, value: c.count })) }],
    },
    quota: {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
      grid,
      xAxis: { type: 'value', min: 0, max: 100, name: '%' },
      yAxis: { type: 'category', inverse: true, data: d.quotaCompletion.slice(0, 15).map((q) => q.orgName) },
      series: [{ name: '完成率', type: 'bar', data: d.quotaCompletion.slice(0, 15).map((q) => q.percent) }],
    },
  };
}

/** 数据看板: for leaders and the publicity office — trend, levels, ranking, categories, quotas. */
export default function DashboardPage() {
  const [grain, setGrain] = useState<StatGrain>('year');
  const [period, setPeriod] = useState(defaultPeriod('year', thisYear()));
  // One selector: the period names its year (this year's and last year's periods are offered).
  const year = Number(period.slice(0, 4));
  const choices = useMemo(() => [...periodOptions(grain, thisYear()).reverse(), ...periodOptions(grain, thisYear() - 1).reverse()], [grain]);
  const [orgId, setOrgId] = useState<string | undefined>();
  const dash = useDashboard({ grain, period, ...(orgId ? { orgId } : {}) });
  const d = dash.data;
  const opts = useMemo(() => (d ? options(d) : null), [d]);
  return (
    <>
      <PageHeader title="数据看板" />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap>
          <Segmented
            value={grain}
            onChange={(g) => {
              setGrain(g as StatGrain);
              setPeriod(defaultPeriod(g as StatGrain, thisYear()));
            }}
            options={[
              { value: 'month', label: '月度' },
              { value: 'quarter', label: '季度' },
              { value: 'year', label: '年度' },
            ]}
          />
          <Select style={{ width: 160 }} value={period} onChange={setPeriod} options={choices} aria-label="统计期间" data-testid="dashboard-period" />
          <div style={{ flex: '1 1 200px' }}>
            <OrgTreeSelect value={orgId} onChange={setOrgId} placeholder="全部单位" aria-label="单位" allowClear />
          </div>
        </Flex>
      </Card>
      {dash.isError && <Alert type="error" title={errorMessage(dash.error)} />}
      {d && opts && (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic title="报送" value={d.totals.submitted} suffix="篇" />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic title="审核通过" value={d.totals.approved} suffix="篇" />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic title="发布" value={d.totals.released} suffix="条" />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic title="媒体用稿" value={d.totals.adopted} suffix="篇" />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic title="积分" value={d.totals.points} suffix="分" />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small" data-testid="dashboard-deadline">
                <Statistic title="本月统计截止" value={formatDateCn(d.statisticsDeadline)} valueStyle={{ fontSize: 16 }} />
              </Card>
            </Col>
          </Row>
          <Card size="small" style={{ marginBottom: 16 }} title={`本月尚未报送的单位（${d.unitsWithoutSubmission.length} 个）`} data-testid="dashboard-silent">
            {d.unitsWithoutSubmission.length === 0 ? (
              <Typography.Text type="secondary">各单位本月均已报送</Typography.Text>
            ) : (
              <Flex gap={8} wrap>
                {d.unitsWithoutSubmission.map((u) => (
                  <Tag color="orange" key={u.id}>
                    {u.name}
                  </Tag>
                ))}
              </Flex>
            )}
          </Card>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {d.opinion && (
              <Col xs={24} md={8}>
                <Card size="small" title="舆情（本期）" data-testid="dashboard-opinion">
                  <Flex gap={16} wrap>
                    <Statistic title="舆情信息" value={d.opinion.total} suffix="条" />
                    <Statistic title="负面" value={d.opinion.negative} suffix="条" valueStyle={d.opinion.negative ? { color: '#cf1322' } : undefined} />
                    <Statistic title="预警" value={d.opinion.alerts} suffix="次" />
                    <Statistic title="在办事件" value={d.opinion.openIncidents} suffix="件" />
                  </Flex>
                  {d.opinion.overdueIncidents > 0 && <Typography.Text type="danger">其中 {d.opinion.overdueIncidents} 件环节已超期</Typography.Text>}
                </Card>
              </Col>
            )}
            {d.ledger && (
              <Col xs={24} md={8}>
                <Card size="small" title={`台账指标（${year}年，本单位）`} data-testid="dashboard-ledger">
                  <Flex gap={16} wrap>
                    <Statistic title="达标" value={d.ledger.green} suffix={`/ ${d.ledger.total}`} valueStyle={{ color: '#389e0d' }} />
                    <Statistic title="进度滞后" value={d.ledger.yellow} valueStyle={{ color: '#d48806' }} />
                    <Statistic title="未达标" value={d.ledger.red} valueStyle={{ color: '#cf1322' }} />
                  </Flex>
                </Card>
              </Col>
            )}
            {d.supervision && (
              <Col xs={24} md={8}>
                <Card size="small" title={`督办任务（${year}年，含下级）`} data-testid="dashboard-supervision">
                  <Flex gap={16} wrap>
                    <Statistic title="任务" value={d.supervision.total} suffix="项" />
                    <Statistic title="已办结" value={d.supervision.done} suffix="项" />
                    <Statistic title="逾期未办结" value={d.supervision.overdue} suffix="项" valueStyle={d.supervision.overdue ? { color: '#cf1322' } : undefined} />
                  </Flex>
                </Card>
              </Col>
            )}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card size="small" title={`${year}年逐月报送与用稿`}>
                <EChart option={opts.trend} label={`${year}年逐月报送与用稿`} testId="chart-trend" />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title="各级媒体用稿">
                <EChart option={opts.levels} label="各级媒体用稿" testId="chart-levels" />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title="单位积分排名（前 10）">
                <EChart option={opts.ranking} label="单位积分排名（前 10）" height={320} testId="chart-ranking" />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title="稿件类别构成">
                <EChart option={opts.mix} label="稿件类别构成" height={320} testId="chart-mix" />
              </Card>
            </Col>
            <Col xs={24}>
              <Card size="small" title={`${year}年任务指标完成率`}>
                <EChart option={opts.quota} label={`${year}年任务指标完成率`} height={Math.max(200, d.quotaCompletion.slice(0, 15).length * 28 + 60)} testId="chart-quota" />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
