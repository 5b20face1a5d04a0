import { LEADER_LEVEL_LABELS, LEADER_LEVELS, type CreateEndorsementInput, type Endorsement } from '@xuanlian/contracts';
import { App, Button, Card, DatePicker, Form, Input, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useCan } from '../auth/api.ts';
import { useCreateEndorsement, useEndorsements } from './api.ts';
import { ManuscriptPicker } from './ManuscriptPicker.tsx';

type FormValues = Omit<CreateEndorsementInput, 'endorsedOn'> & { endorsedOn: Dayjs };

/** 领导批示 on manuscripts, by the leader's level; they add points at once. */
export default function EndorsementsPage() {
  const can = useCan();
  const list = useEndorsements();
  const create = useCreateEndorsement();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  return (
    <>
      <PageHeader title="领导批示" />
      {can('scoring.manage') && (
        <Card size="small" title="登记批示" style={{ marginBottom: 16 }}>
          <Form
            form={form}
            layout="vertical"
            initialValues={{ endorsedOn: dayjs(), text: '' }}
            onFinish={(v) =>
              create.mutate(
                { ...v, endorsedOn: v.endorsedOn.format('YYYY-MM-DD') },
                {
                  onSuccess: () => {
                    message.success('批示已登记，积分已更新');
                    form.resetFields();
                  },
                  onError: (e) => onError(e, form),
                },
              )
            }
          >
            <Form.Item name="manuscriptId" label="稿件" rules={[{ required: true, message: '请选择稿件' }]}>
              <ManuscriptPicker />
            </Form.Item>
            <Form.Item name="leaderLevel" label="领导级别" rules={[{ required: true, message: '请选择领导级别' }]}>
              <Select style={{ maxWidth: 200 }} options={LEADER_LEVELS.map((l) => ({ value: l, label: LEADER_LEVEL_LABELS[l] }))} />
            </Form.Item>
            <Form.Item name="leaderName" label="批示领导" rules={[{ required: true, message: '请填写批示领导' }]}>
              <Input maxLength={40} style={{ maxWidth: 300 }} />
            </Form.Item>
            <Form.Item name="endorsedOn" label="批示日期" rules={[{ required: true, message: '请选择批示日期' }]}>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="text" label="批示内容">
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              登记
            </Button>
          </Form>
        </Card>
      )}
      <Table<Endorsement>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '批示日期', dataIndex: 'endorsedOn' },
          {
            title: '领导',
            key: 'leader',
            render: (_v, e) => (
              <>
                {e.leaderName} <Tag>{LEADER_LEVEL_LABELS[e.leaderLevel]}</Tag>
              </>
            ),
          },
          { title: '稿件', dataIndex: 'manuscriptTitle' },
          { title: '单位', dataIndex: 'orgName', responsive: ['sm'] },
          { title: '批示内容', dataIndex: 'text', responsive: ['md'] },
        ]}
      />
    </>
  );
}
