import {
  DELIVERY_CHANNEL_LABELS,
  DELIVERY_CHANNELS,
  DELIVERY_STATUS_LABELS,
  DELIVERY_STATUSES,
  NOTIFICATION_KIND_LABELS,
  NOTIFICATION_KINDS,
  type Delivery,
  type DeliveryStatus,
} from '@xuanlian/contracts';
import { App, Button, Card, DatePicker, Form, Select, Table, Tag, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { formatDateTime, toIsoWithOffset } from '../../shared/format.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { OrgTreeSelect } from '../orgs/index.ts';
import { useDeliveries, useRetryDelivery, type DeliveryFilters } from './api.ts';

const STATUS_COLORS: Record<DeliveryStatus, string> = { pending: 'blue', sending: 'processing', sent: 'green', failed: 'orange', dead: 'red' };

interface FilterValues extends Omit<DeliveryFilters, 'from' | 'to'> {
  range?: [Dayjs, Dayjs];
}

/** 发送记录: every delivery to a person or a unit's group, with its attempts and last error. */
export default function DeliveriesPage() {
  const [filters, setFilters] = useState<DeliveryFilters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  const list = useDeliveries(filters, paging);
  const retry = useRetryDelivery();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();

  const search = ({ range, ...rest }: FilterValues) => {
    const clean = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== null)) as DeliveryFilters;
    setFilters({ ...clean, ...(range ? { from: toIsoWithOffset(range[0].startOf('day')), to: toIsoWithOffset(range[1].endOf('day')) } : {}) });
    setPaging((p) => ({ ...p, page: 1 }));
  };

  return (
    <>
      <PageHeader title="发送记录" />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form<FilterValues> layout="inline" onFinish={search} data-testid="delivery-filters">
          <Form.Item name="orgId" label="单位">
            <OrgTreeSelect allowClear style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select allowClear style={{ width: 120 }} options={DELIVERY_STATUSES.map((s) => ({ value: s, label: DELIVERY_STATUS_LABELS[s] }))} data-testid="delivery-status" />
          </Form.Item>
          <Form.Item name="channel" label="渠道">
            <Select allowClear style={{ width: 160 }} options={DELIVERY_CHANNELS.map((c) => ({ value: c, label: DELIVERY_CHANNEL_LABELS[c] }))} />
          </Form.Item>
          <Form.Item name="kind" label="类型">
            <Select allowClear style={{ width: 160 }} options={NOTIFICATION_KINDS.map((k) => ({ value: k, label: NOTIFICATION_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="range" label="时间">
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" data-testid="delivery-search">
              查询
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card size="small">
        <Table<Delivery>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items}
          scroll={{ x: 1700 }}
          data-testid="delivery-table"
          locale={{ emptyText: list.isError ? errorMessage(list.error) : '暂无发送记录' }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (n) => `共 ${n} 条`,
            onChange: (page, pageSize) => setPaging((p) => ({ page: pageSize === p.pageSize ? page : 1, pageSize })),
          }}
          columns={[
            { title: '时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
            { title: '类型', dataIndex: 'kind', width: 120, render: (k: Delivery['kind']) => NOTIFICATION_KIND_LABELS[k] },
            { title: '标题', dataIndex: 'title', width: 240, ellipsis: true },
            { title: '接收方', dataIndex: 'recipient', width: 140 },
            { title: '渠道', dataIndex: 'channel', width: 130, render: (c: Delivery['channel']) => DELIVERY_CHANNEL_LABELS[c] },
            { title: '地址', dataIndex: 'target', width: 200, ellipsis: true },
            {
              title: '状态',
              dataIndex: 'status',
              width: 110,
              render: (s: DeliveryStatus, d) => (
                <Tooltip title={d.lastError ?? undefined}>
                  <Tag color={STATUS_COLORS[s]}>{DELIVERY_STATUS_LABELS[s]}</Tag>
                </Tooltip>
              ),
            },
            { title: '次数', dataIndex: 'attempts', width: 60 },
            { title: '说明', dataIndex: 'lastError', width: 220, ellipsis: { showTitle: true }, render: (e: string | null) => e ?? '' },
            { title: '发送时间', dataIndex: 'sentAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : '') },
            {
              title: '操作',
              width: 90,
              fixed: 'right',
              render: (_, d) =>
                (d.status === 'failed' || d.status === 'dead') && d.channel !== 'inapp' && d.kind !== 'channel.test' ? (
                  <Button type="link" size="small" onClick={() => retry.mutate(d.id, { onSuccess: () => message.success('已重新加入发送队列'), onError: (e) => onError(e) })}>
                    重新发送
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
    </>
  );
}
