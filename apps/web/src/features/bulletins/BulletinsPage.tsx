import { DownloadOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { BULLETIN_STATUS_LABELS, type Bulletin, type BulletinAppeal, type BulletinSummary, type BulletinText } from '@xuanlian/contracts';
import { App, Button, Card, Descriptions, Drawer, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { RegisterModal } from '../document-numbers/RegisterModal.tsx';
import { OrgTreeSelect } from '../orgs/index.ts';
import { bulletinDocxUrl, bulletinXlsxUrl, useAnswerAppeal, useBulletin, useBulletinAction, useBulletins, useDraftBulletin } from './api.ts';

const STATUS_COLOR = { draft: 'blue', appeal: 'orange', final: 'green' } as const;
const GRAINS = [
  { value: 'month', label: '月度' },
  { value: 'quarter', label: '季度' },
  { value: 'year', label: '年度' },
] as const;
const TEXT_PARTS: Array<{ key: keyof BulletinText; label: string; rows: number }> = [
  { key: 'addressee', label: '主送机关', rows: 1 },
  { key: 'opening', label: '开头', rows: 2 },
  { key: 'overview', label: '一、总体情况', rows: 4 },
  { key: 'commended', label: '二、表扬单位', rows: 3 },
  { key: 'criticised', label: '三、通报批评', rows: 3 },
  { key: 'closing', label: '结尾', rows: 3 },
];

/** This year's and last year's periods, newest first; one that has not begun yet has nothing to report. */
function periodOptions(grain: string): Array<{ value: string; label: string }> {
  const now = new Date();
  const y = now.getFullYear();
  const begun = (year: number, month: number) => year < y || month <= now.getMonth() + 1;
  const out: Array<{ value: string; label: string }> = [];
  for (const year of [y, y - 1]) {
    if (grain === 'year') out.push({ value: String(year), label: `${year}年度` });
    if (grain === 'quarter') for (let q = 4; q >= 1; q--) if (begun(year, q * 3 - 2)) out.push({ value: `${year}-Q${q}`, label: `${year}年第${'一二三四'[q - 1]}季度` });
    if (grain === 'month') for (let m = 12; m >= 1; m--) if (begun(year, m)) out.push({ value: `${year}-${String(m).padStart(2, '0')}`, label: `${year}年${m}月` });
  }
  return out;
}

function DraftModal({ open, onClose, onDrafted }: { open: boolean; onClose: () => void; onDrafted: (id: string) => void }) {
  const draft = useDraftBulletin();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ orgId: string; grain: 'month' | 'quarter' | 'year'; period: string; commendTop: number; appealDays: number }>();
  const grain = Form.useWatch('grain', form) ?? 'quarter';
  return (
    <Modal
      title="一键起草通报"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="起草"
      cancelText="取消"
      okButtonProps={{ loading: draft.isPending, 'data-testid': 'bulletin-draft-submit' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ grain: 'quarter', commendTop: 3, appealDays: 3 }}
        onFinish={(v) =>
          draft.mutate(v, {
            onSuccess: (b) => {
              onClose();
              onDrafted(b.id);
            },
            onError: (e) => onError(e, form),
          })
        }
      >
        <Form.Item name="orgId" label="发文单位（通报范围为其下属全部单位）" rules={[{ required: true, message: '请选择单位' }]}>
          <OrgTreeSelect data-testid="bulletin-org" />
        </Form.Item>
        <Space>
          <Form.Item name="grain" label="周期">
            <Select style={{ width: 100 }} options={[...GRAINS]} onChange={() => form.setFieldValue('period', undefined)} />
          </Form.Item>
          <Form.Item name="period" label="期间" rules={[{ required: true, message: '请选择期间' }]}>
            <Select style={{ width: 180 }} options={periodOptions(grain)} data-testid="bulletin-period" />
          </Form.Item>
        </Space>
        <Space>
          <Form.Item name="commendTop" label="表扬积分前几名">
            <InputNumber min={0} max={50} />
          </Form.Item>
          <Form.Item name="appealDays" label="征求意见期（天）">
            <InputNumber min={1} max={30} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function AppealAnswer({ bulletin, appeal }: { bulletin: Bulletin; appeal: BulletinAppeal }) {
  const answer = useAnswerAppeal(bulletin.id);
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [text, setText] = useState(appeal.answer ?? '');
  if (bulletin.status === 'final') return <span>{appeal.answer}</span>;
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize placeholder="答复意见" aria-label="答复意见" />
      <Button
        type="primary"
        loading={answer.isPending}
        data-testid={`appeal-answer-${appeal.orgName}`}
        onClick={() => answer.mutate({ appealId: appeal.id, answer: text }, { onSuccess: () => message.success('已答复'), onError: (e) => onError(e) })}
      >
        {appeal.answer ? '修改答复' : '答复'}
      </Button>
    </Space.Compact>
  );
}

function BulletinDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const q = useBulletin(id);
  const action = useBulletinAction(id ?? '');
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; signer: string; issuedOn: string; text: BulletinText }>();
  const [registerOpen, setRegisterOpen] = useState(false);
  const b = q.data;
  const editable = b && b.status !== 'final';
  const run = (a: Parameters<typeof action.mutate>[0], ok: string) => action.mutate(a, { onSuccess: () => message.success(ok), onError: (e) => onError(e, form) });
  const stats = b?.numbers;
  const columns: TableColumnsType<Bulletin['numbers']['rows'][number]> = [
    { title: '排名', dataIndex: 'rank', width: 60 },
    { title: '单位', dataIndex: 'orgName' },
    { title: '报送', dataIndex: 'submitted' },
    { title: '通过', dataIndex: 'approved' },
    { title: '发布', dataIndex: 'released' },
    { title: '用稿', dataIndex: 'adoptedTotal' },
    { title: '批示', dataIndex: 'endorsements' },
    { title: '积分', dataIndex: 'points' },
  ];
  return (
    <Drawer open={!!id} onClose={onClose} size={960} title={b?.title ?? '通报'} destroyOnHidden>
      {q.isError && errorMessage(q.error)}
      {b && stats && (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="状态">
              <Tag color={STATUS_COLOR[b.status]}>{BULLETIN_STATUS_LABELS[b.status]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="期间">
              {b.periodLabel}（{stats.from} 至 {stats.to}）
            </Descriptions.Item>
            <Descriptions.Item label="征求意见截止">{b.appealUntil ? formatDateTime(b.appealUntil) : `发布后 ${b.appealDays} 天`}</Descriptions.Item>
            <Descriptions.Item label="数据生成于">{formatDateTime(stats.generatedAt)}</Descriptions.Item>
            <Descriptions.Item label="发文字号">
              <span data-testid="bulletin-number">{b.documentNumber ?? '定稿时自动编号（征求意见稿不编号）'}</span>
            </Descriptions.Item>
            {b.finalizedAt && (
              <Descriptions.Item label="定稿">
                {formatDateTime(b.finalizedAt)} {b.finalizedByName}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={bulletinDocxUrl(b.id)} data-testid="bulletin-docx">
              下载通报（Word）
            </Button>
            <Button icon={<DownloadOutlined />} href={bulletinXlsxUrl(b.id)}>
              下载附件排名表（Excel）
            </Button>
            <Button icon={<SettingOutlined />} onClick={() => setRegisterOpen(true)} data-testid="bulletin-register">
              发文设置
            </Button>
            {editable && (
              <Popconfirm
                title="按最新统计重新生成数据？"
                description="已编辑的文字将按新数据重写；如需保留请选“保留文字”。"
                okText="重写文字"
                cancelText="保留文字"
                onConfirm={() => run({ kind: 'regenerate', version: b.version, keepText: false }, '数据已更新')}
                onCancel={() => run({ kind: 'regenerate', version: b.version, keepText: true }, '数据已更新，文字未改动')}
              >
                <Button loading={action.isPending}>重新生成数据</Button>
              </Popconfirm>
            )}
            {b.status === 'draft' && (
              <Popconfirm
                title={`发布征求意见？各单位可在 ${b.appealDays} 天内提出异议。`}
                okText="发布"
                cancelText="取消"
                onConfirm={() => run({ kind: 'publish', version: b.version }, '已发布征求意见，已通知各单位')}
              >
                <Button type="primary" data-testid="bulletin-publish">
                  发布征求意见
                </Button>
              </Popconfirm>
            )}
            {b.status === 'appeal' && b.appealOpen && (
              <Popconfirm
                title="提前结束征求意见？"
                description="各单位确认无异议后可提前结束；结束后单位不能再提出异议，已提出的异议仍须答复。"
                okText="结束征求意见"
                cancelText="取消"
                onConfirm={() => run({ kind: 'close-appeal', version: b.version }, '征求意见已结束，可以定稿')}
              >
                <Button data-testid="bulletin-close-appeal">提前结束征求意见</Button>
              </Popconfirm>
            )}
            {b.status === 'appeal' && (
              <Popconfirm
                title="定稿后数据和文字不再变化，并按发文设置编发文字号，确定定稿？"
                okText="定稿"
                cancelText="取消"
                onConfirm={() => run({ kind: 'finalize', version: b.version }, '通报已定稿')}
              >
                <Button type="primary" danger data-testid="bulletin-finalize" disabled={b.appealOpen || b.unansweredCount > 0}>
                  定稿{b.appealOpen ? '（征求意见期未满）' : b.unansweredCount > 0 ? `（${b.unansweredCount}条异议待答复）` : ''}
                </Button>
              </Popconfirm>
            )}
          </Space>
          <Card size="small" title="通报正文">
            <Form
              key={`${b.id}:${b.version}`}
              form={form}
              layout="vertical"
              disabled={!editable}
              initialValues={{ title: b.title, signer: b.signer, issuedOn: b.issuedOn, text: b.text }}
              onFinish={(v) => run({ kind: 'update', input: { version: b.version, title: v.title, signer: v.signer, issuedOn: v.issuedOn, text: v.text } }, '已保存')}
            >
              <Form.Item name="title" label="标题" rules={[{ required: true, message: '标题不能为空' }]}>
                <Input />
              </Form.Item>
              {TEXT_PARTS.map((p) => (
                <Form.Item key={p.key} name={['text', p.key]} label={p.label}>
                  <Input.TextArea autoSize={{ minRows: p.rows }} />
                </Form.Item>
              ))}
              <Space>
                <Form.Item name="signer" label="发文机关署名">
                  <Input />
                </Form.Item>
                <Form.Item name="issuedOn" label="成文日期（YYYY-MM-DD）">
                  <Input />
                </Form.Item>
              </Space>
              {editable && (
                <Button htmlType="submit" type="primary" loading={action.isPending}>
                  保存正文
                </Button>
              )}
            </Form>
          </Card>
          <Card size="small" title="排名情况（来自统计）">
            <Table rowKey="orgId" size="small" pagination={false} columns={columns} dataSource={stats.rows} scroll={{ x: 'max-content' }} />
          </Card>
          <Card size="small" title={`单位异议（${b.appeals.length}）`}>
            <Table<BulletinAppeal>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={b.appeals}
              locale={{ emptyText: '暂无异议' }}
              columns={[
                { title: '单位', dataIndex: 'orgName', width: 120 },
                { title: '异议理由', dataIndex: 'reason' },
                { title: '提出', render: (_, a) => `${a.createdByName} ${formatDateTime(a.createdAt)}`, width: 160 },
                { title: '答复', render: (_, a) => <AppealAnswer bulletin={b} appeal={a} />, width: 320 },
              ]}
            />
          </Card>
          <RegisterModal orgId={b.orgId} kind="bulletin" open={registerOpen} onClose={() => setRegisterOpen(false)} />
        </Space>
      )}
    </Drawer>
  );
}

export default function BulletinsPage() {
  const list = useBulletins();
  const [drafting, setDrafting] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const columns: TableColumnsType<BulletinSummary> = [
    { title: '标题', dataIndex: 'title', render: (t: string, b) => <a onClick={() => setOpenId(b.id)}>{t}</a> },
    { title: '发文单位', dataIndex: 'orgName' },
    { title: '发文字号', dataIndex: 'documentNumber', render: (n: string | null) => n ?? '—' },
    { title: '期间', dataIndex: 'periodLabel' },
    { title: '状态', dataIndex: 'status', render: (s: BulletinSummary['status']) => <Tag color={STATUS_COLOR[s]}>{BULLETIN_STATUS_LABELS[s]}</Tag> },
    { title: '异议', render: (_, b) => (b.appealCount ? `${b.appealCount}（待答复 ${b.unansweredCount}）` : '—') },
    { title: '征求意见截止', dataIndex: 'appealUntil', render: (d: string | null) => (d ? formatDateTime(d) : '—') },
    { title: '起草人', dataIndex: 'createdByName', responsive: ['md'] },
  ];
  return (
    <>
      <PageHeader
        title="通报"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrafting(true)} data-testid="bulletin-create">
            一键起草
          </Button>
        }
      />
      <Table<BulletinSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: list.isError ? errorMessage(list.error) : '还没有起草过通报' }}
      />
      <DraftModal open={drafting} onClose={() => setDrafting(false)} onDrafted={setOpenId} />
      <BulletinDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
