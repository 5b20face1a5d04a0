import { PlusOutlined } from '@ant-design/icons';
import type { Leader } from '@xuanlian/contracts';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { useDictionary, useDictionaryMutations } from './api.ts';
import { OwnerTag } from './OwnerTag.tsx';

type Values = Pick<Leader, 'name' | 'titles' | 'note'>;

/** 领导姓名职务: a known name written with a title that is not theirs is flagged by the check. */
export function LeadersTab({ orgId }: { orgId: string }) {
  const { message } = App.useApp();
  const leaders = useDictionary('leaders', orgId);
  const { create, update, remove } = useDictionaryMutations('leaders');
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<Leader | 'new' | null>(null);
  const save = (v: Values) => {
    const done = { onSuccess: () => setEditing(null), onError: (e: unknown) => onError(e, form) };
    if (editing === 'new') create.mutate({ ...v, orgId }, done);
    else if (editing) update.mutate({ id: editing.id, input: v }, done);
  };
  return (
    <>
      <Typography.Paragraph type="secondary">报送检查会核对稿件中领导的姓名与职务：已知姓名后面跟着不属于他的职务时，会提示修改。</Typography.Paragraph>
      <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setEditing('new')} data-testid="leader-create">
        添加领导
      </Button>
      <Table<Leader>
        rowKey="id"
        size="small"
        dataSource={leaders.data}
        loading={leaders.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20 }}
        data-testid="leader-table"
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '现任职务', dataIndex: 'titles', render: (t: string[]) => t.map((x) => <Tag key={x}>{x}</Tag>) },
          { title: '备注', dataIndex: 'note', responsive: ['md'] },
          { title: '设置单位', key: 'owner', responsive: ['lg'], render: (_v, l) => <OwnerTag orgName={l.orgName} editable={l.editable} /> },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_v, l) =>
              l.editable && (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing(l)}>
                    编辑
                  </Button>
                  <Popconfirm title={`删除“${l.name}”？`} okText="删除" cancelText="取消" onConfirm={() => remove.mutate(l.id, { onError: (e) => message.error(errorMessage(e)) })}>
                    <Button type="link" size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        title={editing === 'new' ? '添加领导' : '编辑领导'}
        open={editing !== null}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText="保存"
        cancelText="取消"
        okButtonProps={{ loading: create.isPending || update.isPending }}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical" preserve={false} initialValues={editing && editing !== 'new' ? editing : { titles: [], note: '' }} onFinish={save}>
          <Form.Item
            name="name"
            label="姓名"
            rules={[
              { required: true, whitespace: true, message: '请填写姓名' },
              { min: 2, max: 20 },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="titles" label="现任职务（可填多个，回车确认）" rules={[{ required: true, type: 'array', min: 1, message: '请至少填写一个职务' }]}>
            <Select mode="tags" tokenSeparators={['、', '，', ',']} open={false} placeholder="如：市委副书记、市长" />
          </Form.Item>
          <Form.Item name="note" label="备注" rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
