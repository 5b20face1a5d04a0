import { PlusOutlined } from '@ant-design/icons';
import { CreateJournalInput, JOURNAL_ISSUE_STATUS_LABELS, type JournalIssueSummary } from '@xuanlian/contracts';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateCn } from '../../shared/format.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { zodRule } from '../../shared/form/zodRule.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useMe } from '../auth/api.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { useCreateIssue, useCreateJournal, useIssues, useJournals } from './api.ts';

function NewIssueModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const journals = useJournals();
  const create = useCreateIssue();
  const onError = useApiErrorHandler();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ journalId: string; issueDate: Dayjs }>();
  return (
    <Modal
      title="新建一期"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="新建并编排"
      cancelText="取消"
      okButtonProps={{ loading: create.isPending, 'data-testid': 'issue-create-submit' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ issueDate: dayjs() }}
        onFinish={(v) =>
          create.mutate({ journalId: v.journalId, issueDate: v.issueDate.format('YYYY-MM-DD') }, { onSuccess: (issue) => navigate(`/journals/issues/${issue.id}`), onError: (e) => onError(e, form) })
        }
      >
        <Form.Item name="journalId" label="刊物" rules={[{ required: true, message: '请选择刊物' }]}>
          <Select
            placeholder="选择刊物"
            loading={journals.isFetching}
            options={(journals.data ?? []).filter((j) => j.status === 'active').map((j) => ({ value: j.id, label: `《${j.name}》（${j.orgName}）` }))}
            data-testid="issue-journal"
          />
        </Form.Item>
        <Form.Item name="issueDate" label="出刊日期" extra="期号按刊物、按年度自动顺延编排" rules={[{ required: true, message: '请选择出刊日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function IssueList() {
  const journals = useJournals();
  const [journalId, setJournalId] = useState<string | undefined>();
  const issues = useIssues(journalId ? { journalId } : {});
  const columns: TableColumnsType<JournalIssueSummary> = [
    { title: '刊物', dataIndex: 'journalName', render: (n: string) => `《${n}》` },
    { title: '期号', dataIndex: 'label', render: (l: string, i) => <Link to={`/journals/issues/${i.id}`}>{l}</Link> },
    { title: '出刊日期', dataIndex: 'issueDate', render: (d: string) => formatDateCn(d) },
    { title: '篇数', dataIndex: 'itemCount' },
    { title: '状态', dataIndex: 'status', render: (s: JournalIssueSummary['status']) => <Tag color={s === 'published' ? 'green' : 'blue'}>{JOURNAL_ISSUE_STATUS_LABELS[s]}</Tag> },
    { title: '编辑', dataIndex: 'createdByName', responsive: ['md'] },
  ];
  return (
    <>
      <Select
        allowClear
        placeholder="全部刊物"
        style={{ minWidth: 220, marginBottom: 12 }}
        value={journalId}
        onChange={setJournalId}
        options={(journals.data ?? []).map((j) => ({ value: j.id, label: `《${j.name}》` }))}
        aria-label="按刊物筛选"
      />
      <Table<JournalIssueSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={issues.data}
        loading={issues.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: issues.isError ? errorMessage(issues.error) : '还没有编印过刊物' }}
        data-testid="issue-table"
      />
    </>
  );
}

function JournalTitles() {
  const me = useMe();
  const journals = useJournals();
  const create = useCreateJournal();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ orgId: string; name: string; publisher: string }>();
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} style={{ marginBottom: 12 }}>
        新增刊物
      </Button>
      <Table
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={journals.data}
        loading={journals.isFetching}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '刊名', dataIndex: 'name', render: (n: string) => `《${n}》` },
          { title: '编印单位', dataIndex: 'publisher' },
          { title: '主办单位', dataIndex: 'orgName' },
        ]}
      />
      <Modal title="新增刊物" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="保存" cancelText="取消" okButtonProps={{ loading: create.isPending }} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ orgId: me.orgId }}
          onFinish={(v) =>
            create.mutate(v, {
              onSuccess: () => {
                message.success('已新增刊物');
                setOpen(false);
              },
              onError: (e) => onError(e, form),
            })
          }
        >
          <Form.Item name="name" label="刊名" rules={[{ required: true, message: '请填写刊名' }, zodRule(CreateJournalInput.shape.name)]}>
            <Input placeholder="例如：政务信息（不必加书名号）" />
          </Form.Item>
          <Form.Item name="publisher" label="编印单位" rules={[{ required: true, message: '请填写编印单位' }, zodRule(CreateJournalInput.shape.publisher)]}>
            <Input placeholder="例如：中共江城市委办公室" />
          </Form.Item>
          <Form.Item name="orgId" label="主办单位" rules={[{ required: true, message: '请选择主办单位' }]}>
            <OrgTreeSelect />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 刊物编辑: the issues of the office's journals, and the journal titles. */
export default function JournalsPage() {
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="刊物编辑"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="issue-create">
            新建一期
          </Button>
        }
      />
      <Card size="small">
        <Tabs
          items={[
            { key: 'issues', label: '各期刊物', children: <IssueList /> },
            { key: 'titles', label: '刊物名录', children: <JournalTitles /> },
          ]}
        />
      </Card>
      <NewIssueModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
