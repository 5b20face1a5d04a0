import { PlusOutlined } from '@ant-design/icons';
import { NOTIFICATION_CHANNEL_KIND_LABELS, NOTIFICATION_KIND_LABELS, type NotificationChannel } from '@xuanlian/contracts';
import { App, Button, Card, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useChannels, useDeleteChannel, useTestChannel } from './api.ts';
import { ChannelForm } from './ChannelForm.tsx';
import { ReminderSettings } from './ReminderSettings.tsx';

/** 通知渠道: the mail server and the units' group robots, with a 发送测试 button on each. */
export default function ChannelsPage() {
  const channels = useChannels();
  const del = useDeleteChannel();
  const test = useTestChannel();
  const onError = useApiErrorHandler();
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<NotificationChannel | null>(null);
  const [open, setOpen] = useState(false);

  const runTest = (c: NotificationChannel) => {
    const send = (to?: string) =>
      test.mutate({ id: c.id, to }, { onSuccess: (r) => (r.ok ? message.success(r.message) : modal.error({ title: '测试发送失败', content: r.message })), onError: (e) => onError(e) });
    if (c.kind !== 'smtp') return send();
    let to = '';
    modal.confirm({
      title: '发送测试邮件',
      content: <Input placeholder="收件邮箱（留空则发到您自己的邮箱）" onChange={(e) => (to = e.target.value.trim())} data-testid="channel-test-to" />,
      okText: '发送',
      cancelText: '取消',
      onOk: () => send(to || undefined),
    });
  };

  return (
    <>
      <PageHeader
        title="通知渠道"
        extra={
          <Button type="primary" icon={<PlusOutlined />} data-testid="channel-create" onClick={() => (setEditing(null), setOpen(true))}>
            新增渠道
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Table<NotificationChannel>
          rowKey="id"
          size="small"
          loading={channels.isFetching}
          dataSource={channels.data?.items}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: channels.isError ? errorMessage(channels.error) : '还没有配置通知渠道' }}
          data-testid="channel-table"
          columns={[
            { title: '单位', dataIndex: 'orgName', width: 140 },
            { title: '类型', dataIndex: 'kind', width: 150, render: (k: NotificationChannel['kind']) => NOTIFICATION_CHANNEL_KIND_LABELS[k] },
            { title: '名称', dataIndex: 'name' },
            {
              title: '地址',
              render: (_, c) =>
                c.smtp ? (
                  `${c.smtp.host}:${c.smtp.port}（${c.smtp.from}）`
                ) : (
                  <span style={{ wordBreak: 'break-all' }}>
                    {c.robot?.urlMasked}
                    {c.robot?.secretSet ? '（已加签）' : ''}
                  </span>
                ),
            },
            {
              title: '消息类型',
              width: 180,
              render: (_, c) => (c.kind === 'smtp' ? '按个人设置' : c.kinds.length === 0 ? '全部' : c.kinds.map((k) => <Tag key={k}>{NOTIFICATION_KIND_LABELS[k]}</Tag>)),
            },
            { title: '状态', dataIndex: 'enabled', width: 80, render: (e: boolean) => (e ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
            {
              title: '操作',
              fixed: 'right',
              width: 200,
              render: (_, c) => (
                <Space size={0}>
                  <Button type="link" size="small" loading={test.isPending && test.variables?.id === c.id} onClick={() => runTest(c)} data-testid={`channel-test-${c.name}`}>
                    发送测试
                  </Button>
                  <Button type="link" size="small" onClick={() => (setEditing(c), setOpen(true))} data-testid={`channel-edit-${c.name}`}>
                    修改
                  </Button>
                  <Popconfirm
                    title="删除后该渠道不再发送，确定删除？"
                    okText="删除"
                    cancelText="取消"
                    onConfirm={() => del.mutate(c.id, { onSuccess: () => message.success('已删除'), onError: (e) => onError(e) })}
                  >
                    <Button type="link" size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <ReminderSettings />
      <ChannelForm open={open} channel={editing} onClose={() => setOpen(false)} />
    </>
  );
}
