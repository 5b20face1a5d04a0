import { DownloadOutlined, FileAddOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Form, Modal, Radio, Select, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { BRIEF_KIND_LABELS, BRIEF_KINDS, type Brief, type BriefKind } from '@xuanlian/contracts';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateCn, formatDateTime } from '../../shared/format.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { homeOrgId, useCan, useMe } from '../auth/api.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { briefDocxUrl, useBriefs, useRequestBrief } from './api.ts';
import { FiguresPanel } from './FiguresPanel.tsx';

const STATUS: Record<Brief['status'], { color: string; label: string }> = {
  pending: { color: 'processing', label: '生成中' },
  ready: { color: 'success', label: '已生成' },
  failed: { color: 'error', label: '生成失败' },
};

function GenerateModal({ onClose }: { onClose: () => void }) {
  const me = useMe();
  const [form] = Form.useForm<{ orgId: string; kind: BriefKind; date?: Dayjs }>();
  const request = useRequestBrief();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const kind = Form.useWatch('kind', form) ?? 'daily';
  return (
    <Modal
      open
      title="生成简报"
      okText="生成"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={request.isPending}
      okButtonProps={{ 'data-testid': 'brief-generate-submit' } as never}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ orgId: homeOrgId(me), kind: 'daily' }}
        onFinish={(v) =>
          request.mutate(
            { orgId: v.orgId, kind: v.kind, date: v.date ? v.date.format('YYYY-MM-DD') : undefined },
            {
              onSuccess: () => {
                message.success('已开始生成，完成后可下载');
                onClose();
              },
              onError: (e) => onError(e, form),
            },
          )
        }
      >
        <Form.Item label="单位" name="orgId" rules={[{ required: true, message: '请选择单位' }]}>
          <OrgTreeSelect data-testid="brief-generate-org" />
        </Form.Item>
        <Form.Item label="类型" name="kind">
          <Radio.Group optionType="button" options={BRIEF_KINDS.map((k) => ({ value: k, label: BRIEF_KIND_LABELS[k] }))} data-testid="brief-generate-kind" />
        </Form.Item>
        <Form.Item label={kind === 'daily' ? '日期（不选为昨天）' : '该周任意一天（不选为上周）'} name="date">
          <DatePicker style={{ width: '100%' }} data-testid="brief-generate-date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function BriefList() {
  const [filters, setFilters] = useState<{ orgId?: string; kind?: BriefKind; page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const list = useBriefs(filters);
  const columns: TableColumnsType<Brief> = [
    {
      title: '简报',
      key: 'title',
      render: (_v, b) => (
        <Flex vertical gap={2}>
          <Typography.Text>{b.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {b.orgName} · {BRIEF_KIND_LABELS[b.kind]} · {formatDateCn(b.periodFrom)}
            {b.kind === 'weekly' ? ` 起一周` : ''}
          </Typography.Text>
          {b.error && (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {b.error}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: '状态', dataIndex: 'status', width: 100, render: (v: Brief['status']) => <Tag color={STATUS[v].color}>{STATUS[v].label}</Tag> },
    { title: '生成时间', dataIndex: 'generatedAt', width: 150, responsive: ['md'], render: (v: string | null) => formatDateTime(v) },
    {
      title: '下载',
      key: 'download',
      width: 100,
      render: (_v, b) =>
        b.status === 'ready' && (
          <Button size="small" icon={<DownloadOutlined />} href={briefDocxUrl(b.id)} data-testid={`brief-download-${b.id}`}>
            Word
          </Button>
        ),
    },
  ];
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <div style={{ flex: '0 1 260px', minWidth: 200 }}>
          <OrgTreeSelect value={filters.orgId} onChange={(orgId) => setFilters((f) => ({ ...f, orgId, page: 1 }))} allowClear placeholder="全部单位" aria-label="单位" />
        </div>
        <Select<BriefKind>
          allowClear
          placeholder="日报和周报"
          value={filters.kind}
          onChange={(kind) => setFilters((f) => ({ ...f, kind, page: 1 }))}
          options={BRIEF_KINDS.map((k) => ({ value: k, label: BRIEF_KIND_LABELS[k] }))}
          style={{ minWidth: 130 }}
          aria-label="类型"
        />
      </Flex>
      <Table<Brief>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isLoading}
        locale={{ emptyText: list.isError ? errorMessage(list.error) : '还没有简报；每天 7:00 自动生成日报，周一 7:30 生成周报' }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (n) => `共 ${n} 份`,
          onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
        }}
        data-testid="brief-table"
      />
    </>
  );
}

export default function BriefsPage() {
  const can = useCan();
  const [generating, setGenerating] = useState(false);
  return (
    <>
      <PageHeader
        title="舆情简报"
        extra={
          can('opinion.monitor') && (
            <Button type="primary" icon={<FileAddOutlined />} onClick={() => setGenerating(true)} data-testid="brief-generate">
              生成简报
            </Button>
          )
        }
      />
      <Card size="small">
        <Tabs
          items={[
            { key: 'list', label: '简报', children: <BriefList /> },
            { key: 'figures', label: '统计图表', children: <FiguresPanel /> },
          ]}
          data-testid="brief-tabs"
        />
      </Card>
      {generating && <GenerateModal onClose={() => setGenerating(false)} />}
    </>
  );
}
