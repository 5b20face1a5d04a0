import { FileWordOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { ManuscriptStatus } from '@xuanlian/contracts';
import { App, Button, Card, Flex, List, Segmented, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../shared/api/errors.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useCommissions } from '../commissions/index.ts';
import { useCreateManuscript, useImportManuscript, useManuscripts, type ManuscriptFilters } from './api.ts';
import { FirstReportModal } from './FirstReportModal.tsx';
import { ManuscriptTable } from './ManuscriptTable.tsx';

const TABS: Array<{ value: ManuscriptStatus | 'all'; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'draft', label: '草稿' },
  { value: 'in_review', label: '审核中' },
  { value: 'returned', label: '已退回' },
  { value: 'approved', label: '已通过' },
];

/** 约稿通知: open requests to the reporter's unit, each one click from a linked draft. */
function OpenCommissions({ onAnswer, pending }: { onAnswer: (id: string, topic: string) => void; pending: boolean }) {
  const open = useCommissions({ status: 'open', page: 1, pageSize: 5 });
  const items = open.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card size="small" title="约稿通知" style={{ marginBottom: 16 }} data-testid="open-commissions">
      <List
        size="small"
        dataSource={items}
        renderItem={(c) => (
          <List.Item
            key={c.id}
            actions={[
              <Button key="a" size="small" loading={pending} onClick={() => onAnswer(c.id, c.topic)}>
                应约写稿
              </Button>,
            ]}
          >
            <List.Item.Meta title={c.topic} description={`${c.orgName} · 截止 ${dayjs(c.dueAt).format('M月D日 HH:mm')}`} />
          </List.Item>
        )}
      />
    </Card>
  );
}

export default function MyManuscriptsPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  // 工作台's 待办 links land on a tab: ?status=returned / draft.
  const [params] = useSearchParams();
  const fromUrl = TABS.find((t) => t.value !== 'all' && t.value === params.get('status'))?.value as ManuscriptStatus | undefined;
  const [filters, setFilters] = useState<ManuscriptFilters>({ view: 'mine', page: 1, pageSize: 20, ...(fromUrl ? { status: fromUrl } : {}) });
  const [firstReport, setFirstReport] = useState(false);
  const list = useManuscripts(filters);
  const create = useCreateManuscript();
  const importDocx = useImportManuscript();
  const open = (id: string) => navigate(`/manuscripts/${id}`);
  const fail = (e: unknown) => message.error(errorMessage(e));

  return (
    <>
      <PageHeader
        title="我的稿件"
        extra={
          <>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              loading={create.isPending}
              onClick={() => create.mutate({}, { onSuccess: (m) => open(m.id), onError: fail })}
              data-testid="manuscript-create"
            >
              新建稿件
            </Button>
            <Upload
              accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              showUploadList={false}
              beforeUpload={(file) => {
                importDocx.mutate(file, {
                  onSuccess: (m) => {
                    message.success('已导入为草稿，请检查后报送');
                    open(m.id);
                  },
                  onError: fail,
                });
                return false;
              }}
            >
              <Button icon={<FileWordOutlined />} loading={importDocx.isPending} data-testid="manuscript-import">
                导入 Word
              </Button>
            </Upload>
            <Button danger icon={<ThunderboltOutlined />} onClick={() => setFirstReport(true)} data-testid="manuscript-first-report">
              突发事件首报
            </Button>
          </>
        }
      />
      <OpenCommissions pending={create.isPending} onAnswer={(commissionId, topic) => create.mutate({ commissionId, title: topic }, { onSuccess: (m) => open(m.id), onError: fail })} />
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
          <Segmented
            options={TABS}
            value={filters.status ?? 'all'}
            onChange={(v) => setFilters((f) => ({ ...f, status: v === 'all' ? undefined : (v as ManuscriptStatus), page: 1 }))}
            data-testid="my-status-filter"
          />
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            草稿自动保存；退回的稿件修改后可重新报送
          </Typography.Text>
        </Flex>
        <ManuscriptTable
          items={list.data?.items}
          total={list.data?.total ?? 0}
          loading={list.isFetching}
          error={list.error}
          page={filters.page}
          pageSize={filters.pageSize}
          onPage={(page, pageSize) => setFilters((f) => ({ ...f, page: pageSize === f.pageSize ? page : 1, pageSize }))}
          testId="my-manuscripts-table"
        />
      </Card>
      <FirstReportModal open={firstReport} onClose={() => setFirstReport(false)} />
    </>
  );
}
