import { UploadOutlined } from '@ant-design/icons';
import { ADOPTION_KIND_LABELS, ADOPTION_KINDS, ADOPTION_STATUS_LABELS, OUTLET_LEVEL_LABELS, type Adoption, type CreateAdoptionInput } from '@xuanlian/contracts';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Tooltip, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useCan } from '../auth/api.ts';
import { evidenceUrl, useAdoptions, useCreateAdoption, useOutlets, useRejectAdoption, useUploadEvidence, useVerifyAdoption } from './api.ts';
import { ManuscriptPicker } from './ManuscriptPicker.tsx';

const STATUS_COLOR = { pending: 'gold', verified: 'green', rejected: 'red' } as const;

type FormValues = Omit<CreateAdoptionInput, 'adoptedOn'> & { adoptedOn: Dayjs };

function EntryForm() {
  const outlets = useOutlets();
  const create = useCreateAdoption();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  return (
    <Card size="small" title="登记用稿">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ adoptedOn: dayjs(), frontPage: false, kind: 'original', ghostwritten: false, columnName: '', page: '', edition: '', url: '' }}
        onFinish={(v) =>
          create.mutate(
            { ...v, adoptedOn: v.adoptedOn.format('YYYY-MM-DD'), length: v.length ?? null, url: v.url ?? '' },
            {
              onSuccess: () => {
                message.success('已登记，等待另一位编辑核实');
                form.resetFields();
              },
              onError: (e) => onError(e, form),
            },
          )
        }
      >
        <Form.Item name="manuscriptId" label="稿件" rules={[{ required: true, message: '请选择稿件' }]}>
          <ManuscriptPicker testId="adoption-manuscript" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="outletId" label="采用媒体" rules={[{ required: true, message: '请选择媒体' }]} style={{ minWidth: 220 }}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="adoption-outlet"
              options={(outlets.data?.items ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: `${o.name}（${OUTLET_LEVEL_LABELS[o.level]}）` }))}
            />
          </Form.Item>
          <Form.Item name="adoptedOn" label="刊发日期" rules={[{ required: true, message: '请选择刊发日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="adoption-date" />
          </Form.Item>
          <Form.Item name="kind" label="用稿方式">
            <Select style={{ width: 100 }} options={ADOPTION_KINDS.map((k) => ({ value: k, label: ADOPTION_KIND_LABELS[k] }))} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="columnName" label="栏目">
            <Input maxLength={60} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="page" label="版次">
            <Input maxLength={20} style={{ width: 100 }} placeholder="01版" />
          </Form.Item>
          <Form.Item name="edition" label="期号">
            <Input maxLength={30} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="length" label="字数">
            <InputNumber min={0} style={{ width: 110 }} />
          </Form.Item>
        </Space>
        <Form.Item name="url" label="链接" extra="填写网络版链接后，系统会自动保存该页面作为用稿证明">
          <Input placeholder="https://" maxLength={500} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="frontPage" valuePropName="checked">
            <Checkbox data-testid="adoption-front-page">头版 / 头条</Checkbox>
          </Form.Item>
          <Form.Item name="ghostwritten" valuePropName="checked" tooltip="记者代写或购买版面的挂名稿件不计分">
            <Checkbox>挂名稿件</Checkbox>
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="adoption-submit">
          登记
        </Button>
      </Form>
    </Card>
  );
}

function AdoptionTable({ toVerify }: { toVerify: boolean }) {
  const [page, setPage] = useState(1);
  const list = useAdoptions({ toVerify, page, pageSize: 20 });
  const verify = useVerifyAdoption();
  const reject = useRejectAdoption();
  const upload = useUploadEvidence();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [rejecting, setRejecting] = useState<Adoption | null>(null);
  const [reason, setReason] = useState('');
  return (
    <>
      <Table<Adoption>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        data-testid={toVerify ? 'adoption-queue' : 'adoption-list'}
        columns={[
          {
            title: '稿件',
            dataIndex: 'manuscriptTitle',
            render: (t: string, a) => (
              <span>
                {t}
                <br />
                <small style={{ color: '#888' }}>{a.orgName}</small>
              </span>
            ),
          },
          {
            title: '媒体',
            key: 'outlet',
            render: (_v, a) => (
              <>
                {a.outletName} <Tag>{OUTLET_LEVEL_LABELS[a.outletLevel]}</Tag>
                {a.frontPage && <Tag color="red">头版</Tag>}
              </>
            ),
          },
          { title: '刊发日期', dataIndex: 'adoptedOn' },
          { title: '版次/栏目', key: 'where', responsive: ['md'], render: (_v, a) => [a.page, a.columnName].filter(Boolean).join(' · ') },
          { title: '登记人', dataIndex: 'enteredByName', responsive: ['sm'] },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: Adoption['status'], a) => (
              <Tag color={STATUS_COLOR[s]} title={a.rejectReason ?? undefined}>
                {ADOPTION_STATUS_LABELS[s]}
              </Tag>
            ),
          },
          {
            title: '证明',
            key: 'evidence',
            render: (_v, a) => (
              <Space size={4}>
                {a.evidence && (
                  <a href={evidenceUrl(a.id)} target="_blank" rel="noreferrer" title={a.evidenceNote ?? a.evidence.name}>
                    {a.evidence.mime === 'text/html' ? '网页存档' : '查看'}
                  </a>
                )}
                {!a.evidence && a.url && a.status === 'pending' && !a.evidenceNote && <small style={{ color: '#888' }}>正在保存网页…</small>}
                {!a.evidence && a.evidenceNote && (
                  <Tooltip title={a.evidenceNote}>
                    <Tag color="warning">网页未保存</Tag>
                  </Tooltip>
                )}
                {a.url && (
                  <a href={a.url} target="_blank" rel="noreferrer noopener">
                    原文
                  </a>
                )}
                {a.actions.uploadEvidence && (
                  <Upload
                    accept=".jpg,.jpeg,.png,.webp,.pdf"
                    showUploadList={false}
                    beforeUpload={(file) => {
                      upload.mutate({ id: a.id, file }, { onSuccess: () => message.success('证明材料已上传'), onError: (e) => onError(e) });
                      return false;
                    }}
                  >
                    <Button size="small" icon={<UploadOutlined />}>
                      上传
                    </Button>
                  </Upload>
                )}
              </Space>
            ),
          },
          {
            title: '操作',
            key: 'ops',
            render: (_v, a) =>
              a.actions.verify && (
                <Space size={4}>
                  <Popconfirm
                    title="核实无误？核实后计入积分"
                    okText="核实"
                    cancelText="取消"
                    onConfirm={() => verify.mutate(a.id, { onSuccess: () => message.success('已核实，积分已更新'), onError: (e) => onError(e) })}
                  >
                    <Button size="small" type="primary" data-testid={`adoption-verify-${a.id}`}>
                      核实
                    </Button>
                  </Popconfirm>
                  <Button
                    size="small"
                    danger
                    onClick={() => {
                      setRejecting(a);
                      setReason('');
                    }}
                  >
                    驳回
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        title="驳回用稿"
        open={rejecting !== null}
        okText="驳回"
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        onCancel={() => setRejecting(null)}
        onOk={() => rejecting && reject.mutate({ id: rejecting.id, reason }, { onSuccess: () => setRejecting(null), onError: (e) => onError(e) })}
      >
        <Input.TextArea rows={3} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="请填写驳回理由，如：报样与稿件不符" />
      </Modal>
    </>
  );
}

/** 用稿登记: reporters and editors enter adoptions; a different editor verifies them from the queue. */
export default function AdoptionsPage() {
  const can = useCan();
  const items = [
    ...(can('adoption.record') ? [{ key: 'entry', label: '登记', children: <EntryForm /> }] : []),
    ...(can('scoring.manage') ? [{ key: 'queue', label: '待我核实', children: <AdoptionTable toVerify /> }] : []),
    { key: 'all', label: '全部用稿', children: <AdoptionTable toVerify={false} /> },
  ];
  return (
    <>
      <PageHeader title="用稿登记" />
      <Tabs items={items} destroyOnHidden />
    </>
  );
}
