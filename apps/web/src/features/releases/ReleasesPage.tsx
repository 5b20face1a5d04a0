import { GlobalOutlined, SendOutlined } from '@ant-design/icons';
import { CHANNEL_KIND_LABELS, RELEASE_STATUS_LABELS, type Release } from '@xuanlian/contracts';
import { App, Button, Card, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useChannels, useKeepRelease, useReleases, useSweep, useWithdrawRelease, type ReleaseFilters } from './api.ts';
import { ChannelsTab } from './ChannelsTab.tsx';
import { ReleaseModal } from './ReleaseModal.tsx';

/** 撤下 asks for the reason first: it stays on the record and in the audit log. */
function WithdrawButton({ r }: { r: Release }) {
  const withdraw = useWithdrawRelease();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <>
      <Button type="link" size="small" danger onClick={() => setOpen(true)} data-testid={`release-withdraw-${r.id}`}>
        撤下
      </Button>
      <Modal
        title={`撤下“${r.title}”`}
        open={open}
        onCancel={() => setOpen(false)}
        okText="确认撤下"
        cancelText="取消"
        okButtonProps={{ danger: true, loading: withdraw.isPending, disabled: reason.trim().length < 2 }}
        onOk={() =>
          withdraw.mutate(
            { id: r.id, reason },
            {
              onSuccess: () => {
                message.success('已撤下，公开发布页不再显示');
                setOpen(false);
              },
              onError: (e) => message.error(errorMessage(e)),
            },
          )
        }
        destroyOnHidden
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="撤下原因，例如：内容已过时效、数据已更新"
          data-testid="release-withdraw-reason"
        />
      </Modal>
    </>
  );
}

function baseColumns(): TableColumnsType<Release> {
  return [
    { title: '标题', dataIndex: 'title', render: (t: string, r) => <Link to={`/manuscripts/${r.manuscriptId}`}>{t}</Link> },
    { title: '发布平台', key: 'channel', render: (_v, r) => `${r.channelName}（${CHANNEL_KIND_LABELS[r.channelKind]}）` },
    { title: '单位', dataIndex: 'orgName', responsive: ['md'] },
    { title: '发布时间', dataIndex: 'releasedAt', render: (v: string) => formatDateTime(v) },
    { title: '阅读量', dataIndex: 'reach', responsive: ['md'], render: (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN')) },
  ];
}

/** The paged release table both tabs show. */
function ReleaseTable({
  columns,
  list,
  paging,
  onPage,
  empty,
  testId,
}: {
  columns: TableColumnsType<Release>;
  list: UseQueryResult<{ items: Release[]; total: number }>;
  paging: { page: number; pageSize: number };
  onPage: (page: number, pageSize: number) => void;
  empty: string;
  testId: string;
}) {
  return (
    <Table<Release>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={list.data?.items}
      loading={list.isFetching}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: list.isError ? errorMessage(list.error) : empty }}
      pagination={{ current: paging.page, pageSize: paging.pageSize, total: list.data?.total ?? 0, onChange: onPage }}
      data-testid={testId}
    />
  );
}

function ReleaseList() {
  const channels = useChannels();
  const [filters, setFilters] = useState<ReleaseFilters>({ page: 1, pageSize: 20 });
  const list = useReleases(filters);
  const columns: TableColumnsType<Release> = [
    ...baseColumns(),
    { title: '发布人', dataIndex: 'releasedByName', responsive: ['lg'] },
    {
      title: '状态',
      dataIndex: 'status',
      render: (s: Release['status'], r) =>
        s === 'released' ? (
          <Tag color="green">{RELEASE_STATUS_LABELS[s]}</Tag>
        ) : (
          <Tag title={r.withdrawnReason ?? ''}>
            {RELEASE_STATUS_LABELS[s]}：{r.withdrawnReason}
          </Tag>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_v, r) => (
        <Space size={0}>
          {r.url && (
            <Button type="link" size="small" href={r.url} target="_blank" rel="noopener noreferrer">
              原文
            </Button>
          )}
          {r.status === 'released' && <WithdrawButton r={r} />}
        </Space>
      ),
    },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="全部平台"
          style={{ minWidth: 220 }}
          value={filters.channelId}
          options={(channels.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          onChange={(channelId?: string) => setFilters({ ...filters, page: 1, ...(channelId ? { channelId } : { channelId: undefined }) })}
          aria-label="按发布平台筛选"
          data-testid="release-filter-channel"
        />
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 120 }}
          value={filters.status}
          options={[
            { value: 'released', label: '已发布' },
            { value: 'withdrawn', label: '已撤下' },
          ]}
          onChange={(status?: 'released' | 'withdrawn') => setFilters({ ...filters, page: 1, ...(status ? { status } : { status: undefined }) })}
          aria-label="按状态筛选"
        />
      </Space>
      <ReleaseTable columns={columns} list={list} paging={filters} onPage={(page, pageSize) => setFilters({ ...filters, page, pageSize })} empty="暂无发布记录" testId="release-table" />
    </>
  );
}

/** 定期清理 (seed 003): posts older than N days, to withdraw or confirm as still current. */
function SweepList() {
  const [days, setDays] = useState(180);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useSweep(days, paging.page, paging.pageSize);
  const keep = useKeepRelease();
  const { message } = App.useApp();
  const [title, ...rest] = baseColumns();
  const columns: TableColumnsType<Release> = [
    // On a phone only the first column and the actions show: the age goes under the title.
    {
      ...title,
      render: (t: string, r) => (
        <>
          <Link to={`/manuscripts/${r.manuscriptId}`}>{t}</Link>
          <div>
            <Typography.Text type="secondary">
              {r.channelName} · 已 {r.ageDays} 天
            </Typography.Text>
          </div>
        </>
      ),
    },
    ...rest,
    {
      title: '已发布',
      dataIndex: 'ageDays',
      responsive: ['md'],
      render: (d: number, r) => (
        <Typography.Text type="warning">
          {d} 天{r.reviewedAt ? '（上次确认后）' : ''}
        </Typography.Text>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_v, r) => (
        <Space size={0}>
          <Popconfirm
            title="内容仍然有效，确认保留？保留后重新计算发布时长。"
            okText="确认保留"
            cancelText="取消"
            onConfirm={() => keep.mutate(r.id, { onSuccess: () => message.success('已确认保留'), onError: (e) => message.error(errorMessage(e)) })}
          >
            <Button type="link" size="small" data-testid={`release-keep-${r.id}`}>
              确认保留
            </Button>
          </Popconfirm>
          <WithdrawButton r={r} />
        </Space>
      ),
    },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>列出发布（或上次确认）超过</span>
        <InputNumber min={1} max={3650} precision={0} value={days} onChange={(v) => v && setDays(v)} aria-label="天数" data-testid="sweep-days" />
        <span>天仍在平台上的信息，逐条复核：过时的撤下，仍有效的确认保留。</span>
      </Space>
      <ReleaseTable columns={columns} list={list} paging={paging} onPage={(page, pageSize) => setPaging({ page, pageSize })} empty={`没有超过 ${days} 天的信息`} testId="sweep-table" />
    </>
  );
}

/** 信息发布: what went out on the office's own channels, the clean-up sweep and the channel list. */
export default function ReleasesPage() {
  const [releasing, setReleasing] = useState(false);
  return (
    <>
      <PageHeader
        title="信息发布"
        extra={
          <>
            <Button icon={<GlobalOutlined />} href="/portal" target="_blank" rel="noopener" data-testid="portal-link">
              公开发布页
            </Button>
            <Button type="primary" icon={<SendOutlined />} onClick={() => setReleasing(true)} data-testid="release-create">
              发布信息
            </Button>
          </>
        }
      />
      <Card size="small">
        <Tabs
          items={[
            { key: 'list', label: '发布记录', children: <ReleaseList /> },
            { key: 'sweep', label: '定期清理', children: <SweepList /> },
            { key: 'channels', label: '发布平台', children: <ChannelsTab /> },
          ]}
        />
      </Card>
      <ReleaseModal open={releasing} onClose={() => setReleasing(false)} />
    </>
  );
}
