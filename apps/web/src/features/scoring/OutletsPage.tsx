import { PlusOutlined } from '@ant-design/icons';
import { OUTLET_LEVEL_LABELS, OUTLET_LEVELS, OUTLET_TYPE_LABELS, OUTLET_TYPES, type CreateOutletInput, type Outlet } from '@xuanlian/contracts';
import { App, Button, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useCreateOutlet, useOutlets, useUpdateOutlet } from './api.ts';

const LEVEL_COLOR = { central: 'red', province: 'orange', city: 'blue', county: 'cyan', own: 'default' } as const;

/** 媒体库: the outlets adoptions are recorded against, by level and type. */
export default function OutletsPage() {
  const outlets = useOutlets();
  const create = useCreateOutlet();
  const update = useUpdateOutlet();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [level, setLevel] = useState<string | undefined>();
  const [form] = Form.useForm<CreateOutletInput>();
  const items = (outlets.data?.items ?? []).filter((o) => !level || o.level === level);

  return (
    <>
      <PageHeader
        title="媒体库"
        extra={
          outlets.data?.canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="outlet-new">
              新增媒体
            </Button>
          )
        }
      />
      <Select
        allowClear
        placeholder="全部级别"
        style={{ width: 160, marginBottom: 12 }}
        value={level}
        onChange={setLevel}
        options={OUTLET_LEVELS.map((l) => ({ value: l, label: OUTLET_LEVEL_LABELS[l] }))}
      />
      <Table<Outlet>
        rowKey="id"
        size="small"
        loading={outlets.isPending}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '媒体名称', dataIndex: 'name' },
          { title: '级别', dataIndex: 'level', render: (l: Outlet['level']) => <Tag color={LEVEL_COLOR[l]}>{OUTLET_LEVEL_LABELS[l]}</Tag> },
          { title: '类型', dataIndex: 'type', render: (t: Outlet['type']) => OUTLET_TYPE_LABELS[t] },
          { title: '地区', dataIndex: 'region', responsive: ['sm'] },
          {
            title: '启用',
            dataIndex: 'active',
            render: (active: boolean, o) => (
              <Switch size="small" checked={active} disabled={!outlets.data?.canManage} onChange={(v) => update.mutate({ id: o.id, active: v }, { onError: (e) => onError(e) })} />
            ),
          },
        ]}
      />
      <Modal
        title="新增媒体"
        open={open}
        onCancel={() => setOpen(false)}
        okText="保存"
        confirmLoading={create.isPending}
        onOk={() =>
          form.validateFields().then((v) =>
            create.mutate(v, {
              onSuccess: () => {
                message.success('已加入媒体库');
                form.resetFields();
                setOpen(false);
              },
              onError: (e) => onError(e, form),
            }),
          )
        }
      >
        <Form form={form} layout="vertical" initialValues={{ region: '' }}>
          <Form.Item name="name" label="媒体名称" rules={[{ required: true, message: '请填写媒体名称' }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="level" label="级别" rules={[{ required: true, message: '请选择媒体级别' }]}>
            <Select options={OUTLET_LEVELS.map((l) => ({ value: l, label: OUTLET_LEVEL_LABELS[l] }))} />
          </Form.Item>
          <Form.Item name="type" label="类型" rules={[{ required: true, message: '请选择媒体类型' }]}>
            <Select options={OUTLET_TYPES.map((t) => ({ value: t, label: OUTLET_TYPE_LABELS[t] }))} />
          </Form.Item>
          <Form.Item name="region" label="地区">
            <Input maxLength={30} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
