import { PlusOutlined } from '@ant-design/icons';
import { CreateCommissionInput, type Commission } from '@xuanlian/contracts';
import { App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateTime, toIsoWithOffset } from '../../shared/format.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { zodRule } from '../../shared/form/zodRule.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useMe } from '../auth/api.ts';
import { OrgMultiSelect, OrgTreeSelect } from '../orgs/index.ts';
import { useCommissions, useCreateCommission, useMissedCommissions, useSetCommissionStatus } from './api.ts';

interface Values {
  orgId: string;
  topic: string;
  description: string;
  dueAt: Dayjs;
  targetOrgIds: string[];
}

function CreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const create = useCreateCommission();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  return (
    <Modal
      title="发起约稿"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="发起"
      cancelText="取消"
      okButtonProps={{ loading: create.isPending, 'data-testid': 'commission-submit' }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ orgId: me.orgId, description: '', dueAt: dayjs().add(7, 'day').hour(17).minute(0).second(0) }}
        onFinish={(v) =>
          create.mutate(
            { orgId: v.orgId, topic: v.topic, description: v.description ?? '', dueAt: toIsoWithOffset(v.dueAt), targetOrgIds: v.targetOrgIds },
            {
              onSuccess: () => {
                message.success('已发起约稿，约稿单位会收到通知');
                onClose();
              },
              onError: (e) => onError(e, form),
            },
          )
        }
      >
        <Form.Item name="topic" label="约稿主题" rules={[{ required: true, message: '请填写约稿主题' }, zodRule(CreateCommissionInput.shape.topic)]}>
          <Input placeholder="例如：“红色网格”服务品牌建设成效" data-testid="commission-topic" />
        </Form.Item>
        <Form.Item name="description" label="约稿说明">
          <Input.TextArea rows={3} maxLength={2000} placeholder="写作要求、篇幅、配图等" />
        </Form.Item>
        <Form.Item name="targetOrgIds" label="约稿单位" rules={[{ required: true, message: '请至少选择一个约稿单位' }]}>
          <OrgMultiSelect placeholder="选择约稿单位（可多选）" testId="commission-targets" />
        </Form.Item>
        <Form.Item name="dueAt" label="截止时间" rules={[{ required: true, message: '请选择截止时间' }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} style={{ width: '100%' }} data-testid="commission-due" />
        </Form.Item>
        <Form.Item name="orgId" label="发起单位" rules={[{ required: true, message: '请选择发起单位' }]}>
          <OrgTreeSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Targets({ c }: { c: Commission }) {
  return (
    <Table
      size="small"
      rowKey="orgId"
      pagination={false}
      dataSource={c.targets}
      columns={[
        { title: '约稿单位', dataIndex: 'orgName' },
        { title: '来稿', dataIndex: 'manuscriptCount', render: (n: number) => `${n} 篇` },
        { title: '首次报送', dataIndex: 'firstSubmittedAt', render: (v: string | null) => formatDateTime(v) },
        { title: '情况', key: 'missed', render: (_v, t) => (t.missed ? <Tag color="red">逾期未报</Tag> : t.manuscriptCount > 0 ? <Tag color="green">已应约</Tag> : <Tag>等待来稿</Tag>) },
      ]}
    />
  );
}

function CommissionList() {
  const { message } = App.useApp();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useCommissions(paging);
  const setStatus = useSetCommissionStatus();
  const columns: TableColumnsType<Commission> = [
    { title: '约稿主题', dataIndex: 'topic' },
    { title: '发起单位', dataIndex: 'orgName', responsive: ['md'] },
    { title: '截止时间', dataIndex: 'dueAt', render: (v: string) => <Typography.Text type={dayjs(v).isBefore(dayjs()) ? 'secondary' : undefined}>{formatDateTime(v)}</Typography.Text> },
    {
      title: '应约',
      key: 'answered',
      render: (_v, c) => {
        const answered = c.targets.filter((t) => t.manuscriptCount > 0).length;
        const missed = c.targets.filter((t) => t.missed).length;
        return (
          <>
            {answered}/{c.targets.length} 个单位
            {missed > 0 && (
              <Tag color="red" style={{ marginInlineStart: 6 }}>
                逾期 {missed}
              </Tag>
            )}
          </>
        );
      },
    },
    { title: '状态', dataIndex: 'status', render: (s: string) => (s === 'open' ? <Tag color="blue">进行中</Tag> : <Tag>已结束</Tag>) },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_v, c) => (
        <>
          <Link to={`/all-manuscripts?commissionId=${c.id}`}>来稿</Link>
          <Popconfirm
            title={c.status === 'open' ? '结束后单位不能再应约，确定结束？' : '重新开放约稿？'}
            okText="确定"
            cancelText="取消"
            onConfirm={() => setStatus.mutate({ id: c.id, status: c.status === 'open' ? 'closed' : 'open' }, { onError: (e) => message.error(errorMessage(e)) })}
          >
            <Button type="link" size="small">
              {c.status === 'open' ? '结束' : '重新开放'}
            </Button>
          </Popconfirm>
        </>
      ),
    },
  ];
  return (
    <Table<Commission>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={list.data?.items}
      loading={list.isFetching}
      scroll={{ x: 'max-content' }}
      expandable={{ expandedRowRender: (c) => <Targets c={c} /> }}
      locale={{ emptyText: list.isError ? errorMessage(list.error) : '暂无约稿' }}
      pagination={{ current: paging.page, pageSize: paging.pageSize, total: list.data?.total ?? 0, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
      data-testid="commission-table"
    />
  );
}

function MissedList() {
  const [orgId, setOrgId] = useState<string | undefined>();
  const missed = useMissedCommissions(orgId);
  return (
    <>
      <div style={{ maxWidth: 320, marginBottom: 12 }}>
        <OrgTreeSelect allowClear placeholder="全部单位" value={orgId} onChange={setOrgId} aria-label="按单位筛选" />
      </div>
      <Table
        rowKey={(r) => `${r.commissionId}:${r.orgId}`}
        size="middle"
        dataSource={missed.data}
        loading={missed.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: missed.isError ? errorMessage(missed.error) : '没有逾期未报的约稿' }}
        columns={[
          { title: '单位', dataIndex: 'orgName' },
          { title: '约稿主题', dataIndex: 'topic' },
          { title: '截止时间', dataIndex: 'dueAt', render: (v: string) => formatDateTime(v) },
        ]}
        data-testid="commission-missed-table"
      />
    </>
  );
}

/** 约稿管理: issue a request to units, follow who answered, list who missed it. */
export default function CommissionsPage() {
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="约稿管理"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="commission-create">
            发起约稿
          </Button>
        }
      />
      <Card size="small">
        <Tabs
          items={[
            { key: 'list', label: '约稿任务', children: <CommissionList /> },
            { key: 'missed', label: '逾期未报（按单位）', children: <MissedList /> },
          ]}
        />
      </Card>
      <CreateModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
