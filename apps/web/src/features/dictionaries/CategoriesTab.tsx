import { PlusOutlined } from '@ant-design/icons';
import type { Category } from '@xuanlian/contracts';
import { App, Button, Form, Input, InputNumber, Modal, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { useDictionary, useDictionaryMutations } from './api.ts';
import { OwnerTag } from './OwnerTag.tsx';

type Values = Pick<Category, 'name' | 'urgent' | 'deadlineMinutes' | 'followUpHours' | 'sortOrder'>;

/** 栏目分类: seed 004's list, editable; a category marked 突发事件 opens the urgent lane with its deadlines. */
export function CategoriesTab({ orgId }: { orgId: string }) {
  const { message } = App.useApp();
  const categories = useDictionary('categories', orgId);
  const { create, update } = useDictionaryMutations('categories');
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const urgent = Form.useWatch('urgent', form);
  const save = (v: Values) => {
    const done = { onSuccess: () => setEditing(null), onError: (e: unknown) => onError(e, form) };
    if (editing === 'new') create.mutate({ ...v, orgId }, done);
    else if (editing) update.mutate({ id: editing.id, input: v }, done);
  };
  const toggle = (c: Category) => update.mutate({ id: c.id, input: { status: c.status === 'active' ? 'disabled' : 'active' } }, { onError: (e) => message.error(errorMessage(e)) });
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setEditing('new')} data-testid="category-create">
        添加分类
      </Button>
      <Table<Category>
        rowKey="id"
        size="small"
        dataSource={categories.data}
        loading={categories.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={false}
        data-testid="category-table"
        columns={[
          { title: '名称', dataIndex: 'name', render: (n: string, c) => (c.status === 'disabled' ? <span style={{ color: '#bfbfbf' }}>{n}（已停用）</span> : n) },
          {
            title: '突发事件',
            dataIndex: 'urgent',
            render: (u: boolean, c) =>
              u ? (
                <Tag color="volcano">
                  首报 {c.deadlineMinutes} 分钟内 · 续报间隔 {c.followUpHours} 小时
                </Tag>
              ) : (
                '—'
              ),
          },
          { title: '排序', dataIndex: 'sortOrder', responsive: ['md'] },
          { title: '设置单位', key: 'owner', responsive: ['lg'], render: (_v, c) => <OwnerTag orgName={c.orgName} editable={c.editable} /> },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_v, c) =>
              c.editable && (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing(c)}>
                    编辑
                  </Button>
                  <Button type="link" size="small" danger={c.status === 'active'} onClick={() => toggle(c)}>
                    {c.status === 'active' ? '停用' : '启用'}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        title={editing === 'new' ? '添加分类' : '编辑分类'}
        open={editing !== null}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText="保存"
        cancelText="取消"
        okButtonProps={{ loading: create.isPending || update.isPending }}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={editing && editing !== 'new' ? editing : { urgent: false, deadlineMinutes: 40, followUpHours: 24, sortOrder: 100 }}
          onFinish={save}
        >
          <Form.Item
            name="name"
            label="名称"
            rules={[
              { required: true, whitespace: true, message: '请填写名称' },
              { min: 2, max: 20 },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="urgent" label="突发事件类（首报、续报、终报）" valuePropName="checked">
            <Switch />
          </Form.Item>
          {urgent && (
            <Space wrap>
              <Form.Item name="deadlineMinutes" label="首报时限（分钟）" rules={[{ required: true }]}>
                <InputNumber min={5} max={1440} />
              </Form.Item>
              <Form.Item name="followUpHours" label="续报间隔（小时）" rules={[{ required: true }]}>
                <InputNumber min={1} max={720} />
              </Form.Item>
            </Space>
          )}
          <Form.Item name="sortOrder" label="排序（小的在前）">
            <InputNumber min={0} max={10000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
