import { PlusOutlined } from '@ant-design/icons';
import { CHANNEL_KIND_LABELS, CHANNEL_KINDS, CreateChannelInput, type Channel } from '@xuanlian/contracts';
import { App, Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { zodRule } from '../../shared/form/zodRule.ts';
import { useMe } from '../auth/api.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { useChannels, useCreateChannel, useUpdateChannel } from './api.ts';

/** 发布平台: the editable list of the office's own channels. */
export function ChannelsTab() {
  const me = useMe();
  const channels = useChannels();
  const create = useCreateChannel();
  const update = useUpdateChannel();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ orgId: string; name: string; kind: Channel['kind']; homeUrl?: string }>();
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} style={{ marginBottom: 12 }} data-testid="channel-create">
        新增发布平台
      </Button>
      <Table<Channel>
        rowKey="id"
        size="middle"
        dataSource={channels.data}
        loading={channels.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: channels.isError ? errorMessage(channels.error) : '暂无发布平台' }}
        columns={[
          { title: '平台名称', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kind', render: (k: Channel['kind']) => CHANNEL_KIND_LABELS[k] },
          { title: '所属单位', dataIndex: 'orgName' },
          { title: '状态', dataIndex: 'status', render: (s: string) => (s === 'active' ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_v, c) =>
              c.editable ? (
                <Button
                  type="link"
                  size="small"
                  onClick={() => update.mutate({ id: c.id, input: { status: c.status === 'active' ? 'disabled' : 'active' } }, { onError: (e) => message.error(errorMessage(e)) })}
                >
                  {c.status === 'active' ? '停用' : '启用'}
                </Button>
              ) : (
                <Tag>上级单位</Tag>
              ),
          },
        ]}
      />
      <Modal title="新增发布平台" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="保存" cancelText="取消" okButtonProps={{ loading: create.isPending }} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ orgId: me.orgId, kind: 'website' }}
          onFinish={(v) =>
            create.mutate(
              { orgId: v.orgId, name: v.name, kind: v.kind, homeUrl: v.homeUrl?.trim() ? v.homeUrl.trim() : null, sortOrder: 100 },
              {
                onSuccess: () => {
                  message.success('已新增发布平台');
                  setOpen(false);
                },
                onError: (e) => onError(e, form),
              },
            )
          }
        >
          <Form.Item name="name" label="平台名称" rules={[{ required: true, message: '请填写平台名称' }, zodRule(CreateChannelInput.shape.name)]}>
            <Input placeholder="例如：“江城发布”微信公众号" />
          </Form.Item>
          <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select options={CHANNEL_KINDS.map((k) => ({ value: k, label: CHANNEL_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="homeUrl" label="平台主页（可不填）" rules={[zodRule(CreateChannelInput.shape.homeUrl)]}>
            <Input placeholder="https://…" />
          </Form.Item>
          <Form.Item name="orgId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
            <OrgTreeSelect />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
