import { CreateReleaseInput, STEP_STATUS_LABELS, type StepStatus } from '@xuanlian/contracts';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Steps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { toIsoWithOffset } from '../../shared/format.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { zodRule } from '../../shared/form/zodRule.ts';
import { useChannels, useCreateRelease, useReadiness, useRequestReleaseReview } from './api.ts';
import { ApprovedManuscriptSelect } from './ApprovedManuscriptSelect.tsx';

interface Values {
  manuscriptId: string;
  channelId: string;
  url?: string;
  reach?: number | null;
  releasedAt?: Dayjs | null;
}

const stepState = (s: string): 'finish' | 'process' | 'error' | 'wait' => (s === 'approved' ? 'finish' : s === 'pending' ? 'process' : s === 'returned' ? 'error' : 'wait');

/** 发布信息: pick an approved manuscript, see whether its release chain is done, choose the channel. */
export function ReleaseModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [manuscript, setManuscript] = useState<{ id: string; orgId: string } | undefined>();
  const readiness = useReadiness(manuscript?.id);
  const channels = useChannels(manuscript?.orgId);
  const create = useCreateRelease();
  const request = useRequestReleaseReview();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const ready = readiness.data?.ready === true;
  const chain = readiness.data?.chain ?? [];
  const canRequest = readiness.data && !ready && readiness.data.policyName !== null && !chain.some((s) => s.status === 'pending') && readiness.data.reason !== '只有审核通过的稿件才能发布';

  return (
    <Modal
      title="发布信息"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="登记发布"
      cancelText="取消"
      okButtonProps={{ loading: create.isPending, disabled: !ready, 'data-testid': 'release-submit' }}
      destroyOnHidden
      afterClose={() => setManuscript(undefined)}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) =>
          create.mutate(
            {
              manuscriptId: v.manuscriptId,
              channelId: v.channelId,
              url: v.url?.trim() ? v.url.trim() : null,
              reach: v.reach ?? null,
              ...(v.releasedAt ? { releasedAt: toIsoWithOffset(v.releasedAt) } : {}),
            },
            {
              onSuccess: (r) => {
                message.success(`已登记发布到“${r.channelName}”，公开发布页已同步显示`);
                onClose();
              },
              onError: (e) => onError(e, form),
            },
          )
        }
      >
        <Form.Item name="manuscriptId" label="稿件" rules={[{ required: true, message: '请选择要发布的稿件' }]}>
          <ApprovedManuscriptSelect
            testId="release-manuscript"
            onChange={(id, m) => {
              form.setFieldsValue({ manuscriptId: id, channelId: undefined as unknown as string });
              setManuscript({ id, orgId: m.orgId });
            }}
          />
        </Form.Item>
        {readiness.data && chain.length > 0 && (
          <Form.Item label={`发布审核（${readiness.data.policyName ?? '无需发布审核'}）`}>
            <Steps size="small" items={chain.map((s) => ({ title: s.name, status: stepState(s.status), description: STEP_STATUS_LABELS[s.status as StepStatus] ?? s.status }))} />
          </Form.Item>
        )}
        {readiness.data && !ready && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={readiness.data.reason}
            action={
              canRequest ? (
                <Button
                  size="small"
                  loading={request.isPending}
                  onClick={() =>
                    request.mutate(readiness.data.manuscriptId, {
                      onSuccess: () => message.success('已提交发布审核，审核人会收到待办提醒'),
                      onError: (e) => onError(e),
                    })
                  }
                  data-testid="release-request-review"
                >
                  提交发布审核
                </Button>
              ) : undefined
            }
          />
        )}
        <Form.Item name="channelId" label="发布平台" rules={[{ required: true, message: '请选择发布平台' }]}>
          <Select
            placeholder={manuscript ? '选择发布平台' : '请先选择稿件'}
            disabled={!manuscript}
            loading={channels.isFetching}
            options={(channels.data ?? []).filter((c) => c.status === 'active').map((c) => ({ value: c.id, label: `${c.name}（${c.orgName}）` }))}
            data-testid="release-channel"
          />
        </Form.Item>
        <Form.Item name="url" label="发布链接" rules={[zodRule(CreateReleaseInput.shape.url)]}>
          <Input placeholder="https://…（宣传栏、刊物可不填）" data-testid="release-url" />
        </Form.Item>
        <Space wrap style={{ width: '100%' }} size={16}>
          <Form.Item name="reach" label="阅读量（可稍后补登）">
            <InputNumber min={0} precision={0} style={{ width: 180 }} placeholder="人次" />
          </Form.Item>
          <Form.Item name="releasedAt" label="发布时间（默认现在）">
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
