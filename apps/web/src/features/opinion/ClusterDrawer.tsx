import { Alert, Button, Card, Descriptions, Drawer, Flex, List, Table, Typography } from 'antd';
import type { ClusterView } from '@xuanlian/contracts';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useIsMobile } from '../../shared/ui/useIsMobile.ts';
import { useCan } from '../auth/api.ts';
import { useCluster } from './api.ts';
import { CreateIncidentModal } from './CreateIncidentModal.tsx';
import { EChart, type ChartOption } from '../../shared/ui/EChart.tsx';
import { SentimentTag } from './labels.tsx';

function spreadOption(c: ClusterView): ChartOption {
  const fmt = c.bucketMinutes >= 1440 ? 'MM-DD' : 'MM-DD HH:mm';
  let total = 0;
  const cumulative = c.spread.map((b) => (total += b.count));
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: ['新增', '累计'], bottom: 0 },
    grid: { left: 8, right: 8, top: 16, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: c.spread.map((b) => dayjs(b.at).format(fmt)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '新增', type: 'bar', data: c.spread.map((b) => b.count), itemStyle: { color: '#1677ff' } },
      { name: '累计', type: 'line', data: cumulative, smooth: true, itemStyle: { color: '#fa541c' } },
    ],
  };
}

function ClusterBody({ c }: { c: ClusterView }) {
  const option = useMemo(() => spreadOption(c), [c]);
  return (
    <Flex vertical gap={16}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="首发">
          <Flex vertical>
            <Typography.Text strong>{c.first.title}</Typography.Text>
            <Typography.Text type="secondary">
              {c.first.sourceName} · {formatDateTime(c.firstAt)}
              {c.first.url && (
                <>
                  {' · '}
                  <a href={c.first.url} target="_blank" rel="noreferrer noopener">
                    原文
                  </a>
                </>
              )}
            </Typography.Text>
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label="规模">
          共 {c.size} 条，负面 {c.negative} 条，{c.sources.length} 个信源 · 最近 {formatDateTime(c.lastAt)}
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={`传播趋势（每 ${c.bucketMinutes >= 1440 ? `${c.bucketMinutes / 1440} 天` : c.bucketMinutes >= 60 ? `${c.bucketMinutes / 60} 小时` : `${c.bucketMinutes} 分钟`}）`}>
        <EChart option={option} height={240} testId="cluster-spread-chart" label="相似信息随时间传播的数量" />
      </Card>
      <Table
        size="small"
        rowKey="sourceId"
        pagination={false}
        dataSource={c.sources}
        columns={[
          { title: '信源', dataIndex: 'name' },
          { title: '条数', dataIndex: 'count', width: 70 },
          { title: '首次出现', dataIndex: 'firstAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
      <List
        size="small"
        header="转载与相似信息"
        dataSource={c.items}
        renderItem={(m) => (
          <List.Item>
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <span>
                <SentimentTag value={m.sentiment} />
                {m.url ? (
                  <a href={m.url} target="_blank" rel="noreferrer noopener">
                    {m.title}
                  </a>
                ) : (
                  m.title
                )}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.sourceName} · {formatDateTime(m.occurredAt)}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Flex>
  );
}

/** A cluster of reposts: who published first, which sources carried it, how it spread over time. */
export function ClusterDrawer({ clusterId, onClose }: { clusterId: string; onClose: () => void }) {
  const cluster = useCluster(clusterId);
  const can = useCan();
  const isMobile = useIsMobile();
  const [creating, setCreating] = useState(false);
  return (
    <Drawer
      open
      title="相似信息簇"
      size={isMobile ? '100%' : 720}
      onClose={onClose}
      loading={cluster.isLoading}
      data-testid="cluster-drawer"
      extra={
        can('opinion.monitor') &&
        cluster.data && (
          <Button type="primary" danger onClick={() => setCreating(true)} data-testid="cluster-create-incident">
            立为事件
          </Button>
        )
      }
    >
      {cluster.isError && <Alert type="error" showIcon title={errorMessage(cluster.error)} />}
      {cluster.data && <ClusterBody c={cluster.data} />}
      {creating && cluster.data && <CreateIncidentModal from={{ clusterId }} defaultTitle={cluster.data.first.title} onClose={() => setCreating(false)} />}
    </Drawer>
  );
}
