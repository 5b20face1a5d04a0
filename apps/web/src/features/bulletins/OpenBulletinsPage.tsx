import { DownloadOutlined } from '@ant-design/icons';
import { BULLETIN_STATUS_LABELS, type OpenBulletin } from '@xuanlian/contracts';
import { App, Button, Card, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { bulletinDocxUrl, bulletinXlsxUrl, useCreateAppeal, useOpenBulletins } from './api.ts';

function AppealForm({ bulletin }: { bulletin: OpenBulletin }) {
  const create = useCreateAppeal(bulletin.id);
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ orgId: string; reason: string }>();
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ orgId: bulletin.myOrgs[0]?.id }}
      onFinish={(v) =>
        create.mutate(v, {
          onSuccess: () => {
            message.success('异议已提交，等待宣传办答复');
            form.resetFields(['reason']);
          },
          onError: (e) => onError(e, form),
        })
      }
    >
      {bulletin.myOrgs.length > 1 && (
        <Form.Item name="orgId" label="以哪个单位名义" rules={[{ required: true, message: '请选择单位' }]}>
          <Select options={bulletin.myOrgs.map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
      )}
      {bulletin.myOrgs.length <= 1 && (
        <Form.Item name="orgId" hidden>
          <Input />
        </Form.Item>
      )}
      <Form.Item name="reason" label="异议理由" rules={[{ required: true, message: '请写明异议理由' }]}>
        <Input.TextArea autoSize={{ minRows: 2 }} placeholder="例如：本单位10月在《江城日报》的用稿未计入" data-testid="appeal-reason" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="appeal-submit">
        提出异议
      </Button>
    </Form>
  );
}

export default function OpenBulletinsPage() {
  const list = useOpenBulletins();
  return (
    <>
      <PageHeader title="通报征求意见" />
      {list.isError && <Typography.Text type="danger">{errorMessage(list.error)}</Typography.Text>}
      {list.data?.length === 0 && <Empty description="暂无需要核对的通报" />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {(list.data ?? []).map((b) => (
          <Card key={b.id} title={b.title} extra={<Tag color={b.status === 'final' ? 'green' : 'orange'}>{BULLETIN_STATUS_LABELS[b.status]}</Tag>}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text>
                {b.orgName} · {b.periodLabel}
                {b.status === 'appeal' && b.appealUntil && `，征求意见截止 ${formatDateTime(b.appealUntil)}`}
              </Typography.Text>
              <Space>
                <Button icon={<DownloadOutlined />} href={bulletinDocxUrl(b.id)}>
                  通报（Word）
                </Button>
                <Button icon={<DownloadOutlined />} href={bulletinXlsxUrl(b.id)}>
                  排名表（Excel）
                </Button>
              </Space>
              {b.appeals.length > 0 && (
                <List
                  size="small"
                  header="本单位的异议"
                  dataSource={b.appeals}
                  renderItem={(a) => (
                    <List.Item>
                      <Space orientation="vertical">
                        <span>
                          {a.orgName}：{a.reason}（{a.createdByName}，{formatDateTime(a.createdAt)}）
                        </span>
                        <Typography.Text type={a.answer ? 'success' : 'secondary'}>{a.answer ? `答复：${a.answer}` : '待答复'}</Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
              )}
              {b.appealOpen && b.myOrgs.length > 0 && <AppealForm bulletin={b} />}
              {b.status === 'appeal' && !b.appealOpen && <Typography.Text type="secondary">征求意见期已结束</Typography.Text>}
            </Space>
          </Card>
        ))}
      </Space>
    </>
  );
}
