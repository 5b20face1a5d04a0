import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, DownloadOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import type { Distribution, JournalIssue, JournalItem, SaveJournalIssueInput } from '@xuanlian/contracts';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, List, Modal, Popconfirm, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateCn, formatDateTime } from '../../shared/format.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { PageSpin } from '../../shared/ui/PageSpin.tsx';
import { ApprovedManuscriptSelect } from '../releases/ApprovedManuscriptSelect.tsx';
import { issueDocxUrl, useIssue, usePublishIssue, useSaveIssue } from './api.ts';
import { fromEditable, toEditable } from './copyText.ts';

type Items = NonNullable<SaveJournalIssueInput['items']>;
const refs = (items: JournalItem[]): Items => items.map((i) => ({ manuscriptId: i.manuscriptId }));

function EditCopyModal({ item, onClose, onSave, saving }: { item: JournalItem | null; onClose: () => void; onSave: (title: string, bodyHtml: string) => void; saving: boolean }) {
  const editable = item ? toEditable(item.bodyHtml) : { text: '', kept: [] };
  const [form] = Form.useForm<{ title: string; text: string }>();
  return (
    <Modal
      title="编辑刊物稿"
      open={item !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存刊物稿"
      cancelText="取消"
      okButtonProps={{ loading: saving, 'data-testid': 'copy-save' }}
      width={720}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">这里的修改只改变本期刊物中的文字，原稿件保持审核通过时的内容不变。每行一个自然段。</Typography.Paragraph>
      {editable.kept.length > 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`原稿中的 ${editable.kept.length} 处图片或表格保留在文末`} />}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ title: item?.title, text: editable.text }} onFinish={(v) => onSave(v.title.trim(), fromEditable(v.text, editable.kept))}>
        <Form.Item
          name="title"
          label="标题"
          rules={[
            { required: true, message: '请填写标题' },
            { min: 2, max: 100, message: '标题 2 至 100 个字' },
          ]}
        >
          <Input data-testid="copy-title" />
        </Form.Item>
        <Form.Item name="text" label="正文" rules={[{ required: true, whitespace: true, message: '正文不能为空' }]}>
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 20 }} data-testid="copy-body" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DistributionCard({ issue, editable, onSave, saving, onDirty }: { issue: JournalIssue; editable: boolean; onSave: (d: Distribution) => void; saving: boolean; onDirty: () => void }) {
  const [form] = Form.useForm<Distribution>();
  const field = (name: keyof Distribution, label: string, testId: string) => (
    <Form.Item name={name} label={label}>
      <Select mode="tags" disabled={!editable} tokenSeparators={['，', ',', '、']} placeholder="输入单位名称后回车，可填多个" notFoundContent={null} suffixIcon={null} data-testid={testId} />
    </Form.Item>
  );
  return (
    <Card size="small" title="报送范围（印在刊末）">
      <Form form={form} layout="vertical" initialValues={issue.distribution} onFinish={onSave} onValuesChange={onDirty} key={issue.version}>
        {field('report', '报（上级）', 'dist-report')}
        {field('send', '送（同级）', 'dist-send')}
        {field('issue', '发（下级）', 'dist-issue')}
        {editable && (
          <Button htmlType="submit" loading={saving} data-testid="dist-save">
            保存报送范围
          </Button>
        )}
      </Form>
    </Card>
  );
}

/** 刊物编排: choose approved manuscripts, order them, edit the journal's copies, distribution, publish, download. */
export default function IssuePage() {
  const { id = '' } = useParams();
  const issue = useIssue(id);
  const save = useSaveIssue(id);
  const publish = usePublishIssue(id);
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<JournalItem | null>(null);
  // Unsaved 报/送/发 edits: publishing now would print the old list, so 出刊 waits for 保存.
  const [distDirty, setDistDirty] = useState(false);
  if (issue.isPending) return <PageSpin />;
  if (issue.isError) return <Empty description={errorMessage(issue.error)} />;
  const data = issue.data;
  const draft = data.status === 'draft';
  const put = (input: Omit<SaveJournalIssueInput, 'version'>, done?: string) =>
    save.mutate({ version: data.version, ...input }, { onSuccess: () => done && message.success(done), onError: (e) => onError(e) });
  const move = (index: number, delta: number) => {
    const items = refs(data.items);
    const [moved] = items.splice(index, 1);
    if (moved) items.splice(index + delta, 0, moved);
    put({ items });
  };

  return (
    <>
      <PageHeader
        title={`《${data.journalName}》${data.label}`}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={issueDocxUrl(id)} disabled={data.items.length === 0} data-testid="issue-docx">
              下载 Word
            </Button>
            {draft && (
              <Popconfirm
                title="出刊后本期内容不能再修改，确定出刊？"
                okText="出刊"
                cancelText="取消"
                onConfirm={() => publish.mutate(data.version, { onSuccess: () => message.success('已出刊'), onError: (e) => onError(e) })}
              >
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={publish.isPending}
                  disabled={data.items.length === 0 || distDirty}
                  title={distDirty ? '报送范围有未保存的修改，请先保存' : undefined}
                  data-testid="issue-publish"
                >
                  出刊
                </Button>
              </Popconfirm>
            )}
          </>
        }
      />
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="状态">{draft ? <Tag color="blue">编辑中</Tag> : <Tag color="green">已出刊</Tag>}</Descriptions.Item>
        <Descriptions.Item label="出刊日期">{formatDateCn(data.issueDate)}</Descriptions.Item>
        <Descriptions.Item label="编印单位">{data.publisher}</Descriptions.Item>
        {data.publishedAt && <Descriptions.Item label="出刊">{`${data.publishedByName ?? ''} ${formatDateTime(data.publishedAt)}`}</Descriptions.Item>}
      </Descriptions>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card size="small" title={`本期稿件（${data.items.length} 篇）`}>
            {draft && (
              <div style={{ marginBottom: 12 }}>
                <ApprovedManuscriptSelect
                  key={data.version}
                  placeholder="添加审核通过的稿件：输入标题搜索"
                  exclude={data.items.map((i) => i.manuscriptId)}
                  testId="issue-add"
                  onChange={(manuscriptId) => put({ items: [...refs(data.items), { manuscriptId }] }, '已编入本期')}
                />
              </div>
            )}
            <List
              dataSource={data.items}
              locale={{ emptyText: '还没有编入稿件' }}
              renderItem={(item, index) => (
                <List.Item
                  data-testid={`issue-item-${index}`}
                  actions={
                    draft
                      ? [
                          <Button
                            key="up"
                            size="small"
                            icon={<ArrowUpOutlined />}
                            disabled={index === 0 || save.isPending}
                            onClick={() => move(index, -1)}
                            aria-label="上移"
                            data-testid={`issue-up-${index}`}
                          />,
                          <Button key="down" size="small" icon={<ArrowDownOutlined />} disabled={index === data.items.length - 1 || save.isPending} onClick={() => move(index, 1)} aria-label="下移" />,
                          <Button key="edit" size="small" icon={<EditOutlined />} onClick={() => setEditing(item)} aria-label="编辑刊物稿" data-testid={`issue-edit-${index}`} />,
                          <Popconfirm key="del" title="从本期移除这篇稿件？" okText="移除" cancelText="取消" onConfirm={() => put({ items: refs(data.items).filter((_, i) => i !== index) }, '已移除')}>
                            <Button size="small" danger icon={<DeleteOutlined />} aria-label="移除" />
                          </Popconfirm>,
                        ]
                      : []
                  }
                >
                  <List.Item.Meta
                    title={
                      <Space size={4} wrap>
                        <Typography.Text strong>{`${index + 1}. ${item.title}`}</Typography.Text>
                        <Tag>{item.manuscriptOrgName}</Tag>
                      </Space>
                    }
                    description={
                      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                        {toEditable(item.bodyHtml).text}
                      </Typography.Paragraph>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <DistributionCard
            issue={data}
            editable={draft}
            saving={save.isPending}
            onDirty={() => setDistDirty(true)}
            onSave={(distribution) =>
              save.mutate(
                { version: data.version, distribution },
                {
                  onSuccess: () => {
                    setDistDirty(false);
                    message.success('已保存报送范围');
                  },
                  onError: (e) => onError(e),
                },
              )
            }
          />
        </Col>
      </Row>
      <EditCopyModal
        item={editing}
        saving={save.isPending}
        onClose={() => setEditing(null)}
        onSave={(title, bodyHtml) => {
          if (!editing) return;
          const items = data.items.map((i) => (i.id === editing.id ? { manuscriptId: i.manuscriptId, title, bodyHtml } : { manuscriptId: i.manuscriptId }));
          save.mutate(
            { version: data.version, items },
            {
              onSuccess: () => {
                message.success('已保存刊物稿');
                setEditing(null);
              },
              onError: (e) => onError(e),
            },
          );
        }}
      />
    </>
  );
}
