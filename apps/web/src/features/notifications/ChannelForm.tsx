import {
  NOTIFICATION_CHANNEL_KIND_LABELS,
  NOTIFICATION_CHANNEL_KINDS,
  NOTIFICATION_KIND_LABELS,
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationChannelKind,
} from '@xuanlian/contracts';
import { Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { useSaveChannel } from './api.ts';

interface Values {
  kind: NotificationChannelKind;
  orgId: string;
  name: string;
  enabled: boolean;
  kinds: string[];
  smtp?: { host: string; port: number; secure: boolean; username: string; password?: string; from: string };
  robot?: { url?: string; secret?: string; format: 'text' | 'markdown' };
}

const KIND_OPTIONS = NOTIFICATION_KINDS.filter((k) => k !== 'channel.test').map((k) => ({ value: k, label: NOTIFICATION_KIND_LABELS[k] }));

/** Create or edit a channel. Stored secrets are never shown: an empty field keeps them. */
export function ChannelForm({ open, channel, onClose }: { open: boolean; channel: NotificationChannel | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const save = useSaveChannel();
  const onError = useApiErrorHandler();
  const kind = Form.useWatch('kind', form) ?? channel?.kind ?? 'dingtalk';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (channel) {
      form.setFieldsValue({
        kind: channel.kind,
        orgId: channel.orgId,
        name: channel.name,
        enabled: channel.enabled,
        kinds: channel.kinds,
        ...(channel.smtp ? { smtp: { ...channel.smtp, password: undefined } } : {}),
        ...(channel.robot ? { robot: { format: channel.robot.format } } : {}),
      });
    } else form.setFieldsValue({ kind: 'dingtalk', enabled: true, kinds: [], robot: { format: 'markdown' }, smtp: { host: '', port: 465, secure: true, username: '', from: '' } });
  }, [open, channel, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const blank = (s?: string) => (s === undefined || s === '' ? undefined : s);
    const part =
      v.kind === 'smtp' ? { smtp: { ...v.smtp, password: blank(v.smtp?.password) } } : { robot: { format: v.robot?.format ?? 'markdown', url: blank(v.robot?.url), secret: blank(v.robot?.secret) } };
    const body = channel
      ? { version: channel.version, name: v.name, enabled: v.enabled, kinds: v.kinds, ...part }
      : { kind: v.kind, orgId: v.orgId, name: v.name, enabled: v.enabled, kinds: v.kinds, ...part };
    save.mutate({ id: channel?.id, body }, { onSuccess: onClose, onError: (e) => onError(e, form) });
  };

  return (
    <Modal
      open={open}
      title={channel ? '修改通知渠道' : '新增通知渠道'}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={save.isPending}
      okText="保存"
      cancelText="取消"
      destroyOnHidden
      width={600}
      okButtonProps={{ 'data-testid': 'channel-save' } as never}
    >
      <Form form={form} layout="vertical" data-testid="channel-form">
        <Form.Item name="kind" label="渠道类型" rules={[{ required: true, message: '请选择渠道类型' }]}>
          <Select disabled={Boolean(channel)} options={NOTIFICATION_CHANNEL_KINDS.map((k) => ({ value: k, label: NOTIFICATION_CHANNEL_KIND_LABELS[k] }))} data-testid="channel-kind" />
        </Form.Item>
        <Form.Item
          name="orgId"
          label="所属单位"
          rules={[{ required: true, message: '请选择单位' }]}
          extra={kind === 'smtp' ? '本单位及下级单位的邮件都经此服务器发送' : '发给该单位的通知推送到这个群'}
        >
          <OrgTreeSelect disabled={Boolean(channel)} activeOnly data-testid="channel-org" />
        </Form.Item>
        <Form.Item
          name="name"
          label="名称"
          rules={[
            { required: true, message: '请填写名称' },
            { max: 100, message: '名称不能超过 100 个字' },
          ]}
        >
          <Input placeholder="如：街道宣传工作钉钉群" data-testid="channel-name" />
        </Form.Item>
        {kind === 'smtp' ? (
          <>
            <Form.Item name={['smtp', 'host']} label="SMTP 服务器" rules={[{ required: true, message: '请填写 SMTP 服务器地址' }]}>
              <Input placeholder="smtp.example.gov.cn" />
            </Form.Item>
            <Form.Item name={['smtp', 'port']} label="端口" rules={[{ required: true, message: '请填写端口' }]}>
              <InputNumber min={1} max={65535} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name={['smtp', 'secure']} label="SSL/TLS 直连（465 端口）" valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name={['smtp', 'username']} label="用户名">
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name={['smtp', 'password']} label="密码" extra={channel?.smtp?.passwordSet ? '已设置；留空则保持不变' : undefined}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name={['smtp', 'from']}
              label="发件人地址"
              rules={[
                { required: true, message: '请填写发件人地址' },
                { type: 'email', message: '发件人必须是有效的邮箱地址' },
              ]}
            >
              <Input placeholder="xcb@example.gov.cn" />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item
              name={['robot', 'url']}
              label="Webhook 地址"
              rules={channel ? [] : [{ required: true, message: '请填写 Webhook 地址' }]}
              extra={channel?.robot?.urlMasked ? `当前：${channel.robot.urlMasked}；留空则保持不变` : '在群设置 → 群机器人 → 添加自定义机器人后复制'}
            >
              <Input placeholder="https://" autoComplete="off" data-testid="channel-url" />
            </Form.Item>
            {kind !== 'wecom' && (
              <Form.Item
                name={['robot', 'secret']}
                label={kind === 'dingtalk' ? '加签密钥（SEC 开头）' : '签名校验密钥'}
                extra={channel?.robot?.secretSet ? '已设置；留空则保持不变' : '机器人安全设置中启用加签/签名校验时填写'}
              >
                <Input.Password autoComplete="new-password" data-testid="channel-secret" />
              </Form.Item>
            )}
            <Form.Item name={['robot', 'format']} label="消息格式">
              <Radio.Group
                options={[
                  { value: 'markdown', label: '富文本（Markdown / 富文本帖子）' },
                  { value: 'text', label: '纯文本' },
                ]}
              />
            </Form.Item>
            <Form.Item name="kinds" label="推送的消息类型" extra="不选表示全部类型">
              <Select mode="multiple" allowClear options={KIND_OPTIONS} placeholder="全部类型" />
            </Form.Item>
          </>
        )}
        <Form.Item name="enabled" label="启用" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
