import { EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Form, InputNumber, Modal, Progress, Row, Switch, Typography } from 'antd';
import type { TargetStatus, TargetsOutput } from '@xuanlian/contracts';
import { useState } from 'react';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { LightDot } from '../../shared/ui/Light.tsx';
import { useSetTarget } from './api.ts';

const STROKE = { green: '#52c41a', yellow: '#faad14', red: '#f5222d', none: '#d9d9d9' } as const;

function EditTarget({ data, item, onClose }: { data: TargetsOutput; item: TargetStatus; onClose: () => void }) {
  const [form] = Form.useForm<{ threshold: number; enabled: boolean }>();
  const set = useSetTarget();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={`设置指标：${item.label}（${data.orgName}，${data.year}年）`}
      onCancel={onClose}
      confirmLoading={set.isPending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'target-edit-submit' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ threshold: item.threshold, enabled: item.enabled }}
        onFinish={(v) =>
          set.mutate(
            { orgId: data.orgId, year: data.year, kind: item.kind, threshold: v.threshold, enabled: v.enabled },
            { onSuccess: () => (message.success('指标已更新'), onClose()), onError: (e) => onError(e, form) },
          )
        }
      >
        <Form.Item label={`指标值（${item.unit}）`} name="threshold" rules={[{ required: true, message: '请填写指标值' }]}>
          <InputNumber min={0} max={item.kind === 'attendance_rate' ? 100 : 10000} style={{ width: 160 }} data-testid="target-edit-threshold" />
        </Form.Item>
        <Form.Item label="本单位考核此项" name="enabled" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One card per target: the light, done vs. required, and the ledger facts behind it. */
export function TargetCards({ data }: { data: TargetsOutput }) {
  const [editing, setEditing] = useState<TargetStatus | null>(null);
  return (
    <>
      <Row gutter={[12, 12]}>
        {data.items.map((t) => {
          const pct = t.threshold > 0 ? Math.min(100, Math.round((t.actual / t.threshold) * 100)) : 100;
          return (
            <Col key={t.kind} xs={24} sm={12} xl={8}>
              <Card
                size="small"
                title={t.label}
                extra={
                  data.canEdit && <Button type="text" size="small" icon={<EditOutlined />} onClick={() => setEditing(t)} aria-label={`设置${t.label}指标`} data-testid={`target-edit-${t.kind}`} />
                }
                data-testid={`target-${t.kind}`}
                data-light={t.light}
                style={{ height: '100%', opacity: t.enabled ? 1 : 0.6 }}
              >
                <Flex justify="space-between" align="center" wrap gap={8}>
                  <Typography.Text strong style={{ fontSize: 20 }}>
                    {t.actual}
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {' '}
                      / {t.threshold} {t.unit}
                    </Typography.Text>
                  </Typography.Text>
                  <LightDot light={t.light} kind="target" testId={`target-light-${t.kind}`} text={t.enabled ? undefined : '不考核'} />
                </Flex>
                <Progress percent={pct} showInfo={false} strokeColor={STROKE[t.light]} size="small" />
                <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
                  {t.detail}
                </Typography.Paragraph>
              </Card>
            </Col>
          );
        })}
      </Row>
      {editing && <EditTarget data={data} item={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
