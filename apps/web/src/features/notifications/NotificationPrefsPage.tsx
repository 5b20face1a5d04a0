import { Alert, App, Button, Card, Switch, Table, Typography } from 'antd';
import type { NotificationKind } from '@xuanlian/contracts';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { usePreferences, useSavePreferences } from './api.ts';

interface Row {
  kind: NotificationKind;
  label: string;
  inapp: boolean;
  email: boolean;
}

/** 通知设置: which kinds of notice reach me in the system and by mail. */
export default function NotificationPrefsPage() {
  const prefs = usePreferences();
  const save = useSavePreferences();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => {
    if (prefs.data) setRows(prefs.data.items.map((i) => ({ ...i })));
  }, [prefs.data]);
  const set = (kind: NotificationKind, field: 'inapp' | 'email', value: boolean) => setRows((rs) => rs.map((r) => (r.kind === kind ? { ...r, [field]: value } : r)));

  return (
    <>
      <PageHeader
        title="通知设置"
        extra={
          <Button
            type="primary"
            loading={save.isPending}
            data-testid="prefs-save"
            onClick={() =>
              save.mutate(
                rows.map(({ kind, inapp, email }) => ({ kind, inapp, email })),
                { onSuccess: () => message.success('通知设置已保存'), onError: (e) => onError(e) },
              )
            }
          >
            保存
          </Button>
        }
      />
      {prefs.data && !prefs.data.email && <Alert style={{ marginBottom: 16 }} type="info" showIcon message="您的个人信息中还没有邮箱地址，勾选的邮件通知将无法送达，请联系系统管理员补充。" />}
      <Card size="small">
        <Typography.Paragraph type="secondary">
          站内消息显示在右上角的铃铛中；邮件通过本单位或上级单位配置的邮件服务器发送{prefs.data?.email ? `至 ${prefs.data.email}` : ''}。单位群机器人的推送由宣传办在“通知渠道”中设置。
        </Typography.Paragraph>
        <Table<Row>
          rowKey="kind"
          size="small"
          loading={prefs.isFetching}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: prefs.isError ? errorMessage(prefs.error) : '暂无数据' }}
          columns={[
            { title: '消息类型', dataIndex: 'label' },
            {
              title: '站内消息',
              width: 120,
              render: (_, r) => <Switch size="small" checked={r.inapp} onChange={(v) => set(r.kind, 'inapp', v)} data-testid={`pref-inapp-${r.kind}`} />,
            },
            {
              title: '电子邮件',
              width: 120,
              render: (_, r) => <Switch size="small" checked={r.email} onChange={(v) => set(r.kind, 'email', v)} data-testid={`pref-email-${r.kind}`} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
