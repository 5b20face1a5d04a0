import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Dropdown, Flex, Select, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { SOURCE_KIND_LABELS, SOURCE_KINDS, type Source, type SourceKind } from '@xuanlian/contracts';
import { useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useIsMobile } from '../../shared/ui/useIsMobile.ts';
import { homeOrgId, useCan, useMe } from '../auth/api.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { useDeleteSource, useFetchNow, useSources, useUpdateSource, type SourceFilters } from './api.ts';
import { CsvImportModal, ManualEntryModal } from './EntryModals.tsx';
import { SourceFormModal } from './SourceFormModal.tsx';

type Dialog = { kind: 'none' } | { kind: 'create' } | { kind: 'edit' | 'entry' | 'import'; source: Source };

/** Health in one cell: when it last worked, the last failure in 中文, and how much it brings in. */
function Health({ s }: { s: Source }) {
  const h = s.health;
  if (s.kind === 'manual') return <Typography.Text type="secondary">人工录入 · 近 24 小时 {h.itemsLastDay} 条</Typography.Text>;
  const failing = h.lastError && (!h.lastSuccessAt || (h.lastErrorAt ?? '') > h.lastSuccessAt);
  return (
    <Flex vertical gap={2} data-testid={`source-health-${s.name}`}>
      <span>
        {failing ? <Tag color="red">异常{h.errorStreak > 1 ? ` · 连续 ${h.errorStreak} 次` : ''}</Tag> : h.lastSuccessAt ? <Tag color="green">正常</Tag> : <Tag>尚未抓取</Tag>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          近 24 小时 {h.itemsLastDay} 条 · 累计 {h.itemsTotal} 条
        </Typography.Text>
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        上次成功：{formatDateTime(h.lastSuccessAt)}
        {s.enabled && h.nextFetchAt ? ` · 下次：${formatDateTime(h.nextFetchAt)}` : ''}
      </Typography.Text>
      {h.lastError && (
        <Typography.Text type={failing ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {failing ? '' : '此前'}错误（{formatDateTime(h.lastErrorAt)}）：{h.lastError}
        </Typography.Text>
      )}
    </Flex>
  );
}

export default function SourcesPage() {
  const me = useMe();
  const can = useCan();
  const canEdit = can('opinion.monitor');
  const [filters, setFilters] = useState<SourceFilters>({ page: 1, pageSize: 50 });
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });
  // A fetch runs as a job: keep the health column current while the page is open.
  const list = useSources(filters, { refetchInterval: 10_000 });
  const update = useUpdateSource();
  const fetchNow = useFetchNow();
  const remove = useDeleteSource();
  const onError = useApiErrorHandler();
  const { message, modal } = App.useApp();
  const isMobile = useIsMobile();
  const filter = (patch: Partial<SourceFilters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));

  const actions = (s: Source) => {
    if (!canEdit) return null;
    const items = [
      { key: 'edit', label: '修改' },
      ...(s.kind === 'manual' ? [{ key: 'entry', label: '人工录入' }] : []),
      { key: 'import', label: '导入 CSV' },
      { type: 'divider' as const },
      { key: 'delete', label: '删除', danger: true },
    ];
    // A source that has brought in mentions is refused by the server with the reason (停用 instead).
    const confirmDelete = () =>
      modal.confirm({
        title: `删除信源“${s.name}”？`,
        content: '只能删除误建、尚未收录舆情信息的信源；已收录信息的信源请停用。',
        okText: '删除',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: () =>
          remove.mutateAsync(s.id).then(
            () => message.success('已删除'),
            (e: unknown) => onError(e),
          ),
      });
    return (
      <Flex gap={4} wrap>
        {s.kind !== 'manual' && (
          <Button
            size="small"
            disabled={!s.enabled}
            loading={fetchNow.isPending && fetchNow.variables === s.id}
            onClick={() => fetchNow.mutate(s.id, { onSuccess: (r) => message.info(r.message), onError: (e) => onError(e) })}
            data-testid={`source-fetch-${s.name}`}
          >
            立即抓取
          </Button>
        )}
        {s.kind === 'manual' && (
          <Button size="small" onClick={() => setDialog({ kind: 'entry', source: s })} data-testid={`source-entry-${s.name}`}>
            录入
          </Button>
        )}
        <Dropdown menu={{ items, onClick: ({ key }) => (key === 'delete' ? confirmDelete() : setDialog({ kind: key as 'edit' | 'entry' | 'import', source: s })) }}>
          <Button size="small" data-testid={`source-more-${s.name}`}>
            更多
          </Button>
        </Dropdown>
      </Flex>
    );
  };

  const enabledSwitch = (s: Source) => (
    <Switch
      size="small"
      checked={s.enabled}
      disabled={!canEdit}
      checkedChildren="启用"
      unCheckedChildren="停用"
      loading={update.isPending && update.variables?.id === s.id}
      onChange={(enabled) => update.mutate({ id: s.id, input: { enabled } }, { onSuccess: () => message.success(enabled ? '已启用' : '已停用'), onError: (e) => onError(e) })}
      data-testid={`source-enabled-${s.name}`}
    />
  );

  const nameCell = (s: Source) => (
    <Flex vertical gap={2}>
      <span>
        <Typography.Text strong>{s.name}</Typography.Text> <Tag>{SOURCE_KIND_LABELS[s.kind]}</Tag>
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: s.url }}>
        {s.orgName}
        {s.url ? ` · ${s.url}` : ''}
      </Typography.Text>
    </Flex>
  );

  const columns: TableColumnsType<Source> = [
    { title: '信源', key: 'name', render: (_v, s) => nameCell(s) },
    { title: '健康状况', key: 'health', render: (_v, s) => <Health s={s} /> },
    { title: '间隔', dataIndex: 'intervalMinutes', width: 90, responsive: ['lg'], render: (v: number, s) => (s.kind === 'manual' ? '—' : `${v} 分钟`) },
    { title: '状态', key: 'enabled', width: 90, render: (_v, s) => enabledSwitch(s) },
    { title: '操作', key: 'actions', width: 170, render: (_v, s) => actions(s) },
  ];
  const phoneColumns: TableColumnsType<Source> = [
    {
      title: '信源',
      key: 'all',
      render: (_v, s) => (
        <Flex vertical gap={6}>
          {nameCell(s)}
          <Health s={s} />
          <Flex gap={8} align="center" wrap>
            {enabledSwitch(s)}
            {actions(s)}
          </Flex>
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="信源"
        extra={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="source-create">
              添加信源
            </Button>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap>
          <div style={{ flex: '1 1 220px' }}>
            <OrgTreeSelect value={filters.orgId} onChange={(orgId) => filter({ orgId })} allowClear placeholder="全部单位" aria-label="单位" />
          </div>
          <Select<SourceKind>
            allowClear
            placeholder="全部类型"
            value={filters.kind}
            onChange={(kind) => filter({ kind })}
            options={SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABELS[k] }))}
            style={{ flex: '0 1 160px', minWidth: 120 }}
            aria-label="信源类型"
          />
          <Select<'true' | 'false'>
            allowClear
            placeholder="健康状况"
            value={filters.failing}
            onChange={(failing) => filter({ failing })}
            options={[
              { value: 'true', label: '抓取异常' },
              { value: 'false', label: '正常' },
            ]}
            style={{ flex: '0 1 160px', minWidth: 120 }}
            aria-label="健康状况"
          />
        </Flex>
      </Card>
      <Card size="small">
        <Table<Source>
          rowKey="id"
          size="middle"
          columns={isMobile ? phoneColumns : columns}
          dataSource={list.data?.items}
          loading={list.isLoading}
          locale={{ emptyText: list.isError ? errorMessage(list.error) : '还没有信源，点击“添加信源”开始监测' }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (n) => `共 ${n} 个`,
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
          data-testid="source-table"
        />
      </Card>
      {dialog.kind === 'create' && <SourceFormModal defaultOrgId={filters.orgId ?? homeOrgId(me)} onClose={() => setDialog({ kind: 'none' })} />}
      {dialog.kind === 'edit' && <SourceFormModal source={dialog.source} defaultOrgId={dialog.source.orgId} onClose={() => setDialog({ kind: 'none' })} />}
      {dialog.kind === 'entry' && <ManualEntryModal source={dialog.source} onClose={() => setDialog({ kind: 'none' })} />}
      {dialog.kind === 'import' && <CsvImportModal source={dialog.source} onClose={() => setDialog({ kind: 'none' })} />}
    </>
  );
}
