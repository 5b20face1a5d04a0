import { CheckOutlined } from '@ant-design/icons';
import { IMPORTANCE_LABELS, type BulkApproveOutput, type PendingReview } from '@xuanlian/contracts';
import { Alert, App, Button, Card, Flex, List, Modal, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { newUuid } from '../../shared/ids.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useBulkApprove, useDecide, usePendingCount, usePendingReviews } from './api.ts';
import { isTakenByOther, TAKEN_MESSAGE } from './conflict.ts';
import { ReturnModal } from './ReturnModal.tsx';

function BulkResults({ result, titles, onClose }: { result: BulkApproveOutput | null; titles: Map<string, string>; onClose: () => void }) {
  const titleOf = (stepId: string) => titles.get(stepId) ?? '（稿件）';
  return (
    <Modal title="批量通过结果" open={!!result} onCancel={onClose} onOk={onClose} okText="知道了" cancelButtonProps={{ style: { display: 'none' } }}>
      {result && (
        <div data-testid="bulk-results">
          <Alert type={result.failed > 0 ? 'warning' : 'success'} showIcon title={`成功 ${result.succeeded} 篇，未通过 ${result.failed} 篇`} style={{ marginBottom: 8 }} />
          <List
            size="small"
            dataSource={result.results}
            renderItem={(r) => (
              <List.Item key={r.stepId} data-testid="bulk-result-item" data-ok={r.ok ? 'true' : 'false'}>
                <Flex gap={6} align="flex-start">
                  <Tag color={r.ok ? 'green' : 'red'}>{r.ok ? '已通过' : '未通过'}</Tag>
                  <span>
                    {titleOf(r.stepId)}
                    {!r.ok && r.message && <Typography.Text type="danger">：{r.message}</Typography.Text>}
                  </span>
                </Flex>
              </List.Item>
            )}
          />
        </div>
      )}
    </Modal>
  );
}

/** 待我审核: one click to approve from the list, several at once, or open to return / edit. */
export default function PendingReviewsPage() {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const [returning, setReturning] = useState<PendingReview | null>(null);
  const [bulkResult, setBulkResult] = useState<BulkApproveOutput | null>(null);
  const [bulkTitles, setBulkTitles] = useState(new Map<string, string>());
  const pending = usePendingReviews(paging.page, paging.pageSize);
  const count = usePendingCount(true);
  const location = useLocation();
  const { refetch } = pending;
  // Every arrival asks again — also when the router kept this page mounted through a quick
  // 工作台 → 待我审核 round trip (a transition to a page still loading leaves the old one up) —
  // and so does the menu badge's count moving: the list never lags behind the number beside it.
  useEffect(() => {
    void refetch({ cancelRefetch: false });
  }, [location.key, count.data?.count, refetch]);
  const decide = useDecide();
  const bulk = useBulkApprove();
  const rows = pending.data?.items ?? [];

  const act = (r: PendingReview, input: { decision: 'approve' } | { decision: 'return'; comment: string }, done: string) =>
    decide.mutate(
      { stepId: r.stepId, input: { ...input, idempotencyKey: newUuid() } },
      {
        onSuccess: () => {
          message.success(done);
          setReturning(null);
          setSelected((s) => s.filter((id) => id !== r.stepId));
        },
        onError: (e) => {
          setReturning(null);
          if (isTakenByOther(e)) modal.warning({ title: '已被他人处理', content: `${errorMessage(e)}（${TAKEN_MESSAGE}）` });
          else message.error(errorMessage(e));
        },
      },
    );

  const columns: TableColumnsType<PendingReview> = [
    {
      title: '标题',
      key: 'title',
      render: (_v, r) => (
        <Space size={4} wrap>
          {r.overdue && (
            <Tag color="red" data-testid={`review-overdue-${r.manuscriptId}`}>
              超时
            </Tag>
          )}
          <Link to={`/manuscripts/${r.manuscriptId}`}>{r.title}</Link>
        </Space>
      ),
    },
    {
      title: '审核环节',
      key: 'step',
      responsive: ['sm'],
      render: (_v, r) => (
        <Space size={4} wrap>
          {r.stepName}
          {r.purpose === 'release' && <Tag color="geekblue">发布审核</Tag>}
          {r.mode === 'all' && (
            <Tag color="purple" title={`会签人：${r.assigneeNames.join('、')}`} data-testid={`review-cosign-${r.manuscriptId}`}>
              会签 {r.approvals}/{r.assigneeNames.length}
            </Tag>
          )}
        </Space>
      ),
    },
    { title: '单位', dataIndex: 'orgName', responsive: ['md'] },
    { title: '报送人', dataIndex: 'reporterName', responsive: ['xxl'] },
    { title: '重要程度', dataIndex: 'importance', responsive: ['lg'], render: (v: PendingReview['importance']) => IMPORTANCE_LABELS[v] },
    { title: '报送时间', dataIndex: 'submittedAt', responsive: ['xxl'], render: (v: string | null) => formatDateTime(v) },
    {
      title: '办理时限',
      dataIndex: 'deadlineAt',
      responsive: ['md'],
      render: (v: string | null, r) => <Typography.Text type={r.overdue ? 'danger' : undefined}>{formatDateTime(v)}</Typography.Text>,
    },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_v, r) => (
        <Space size={0} wrap>
          <Button
            type="link"
            size="small"
            onClick={() => act(r, { decision: 'approve' }, `已通过：${r.title}`)}
            loading={decide.isPending && decide.variables.stepId === r.stepId}
            data-testid={`review-approve-${r.manuscriptId}`}
          >
            通过
          </Button>
          <Button type="link" size="small" danger onClick={() => setReturning(r)} data-testid={`review-return-${r.manuscriptId}`}>
            退回
          </Button>
          <Button type="link" size="small" onClick={() => navigate(`/manuscripts/${r.manuscriptId}?edit=1`)} data-testid={`review-edit-${r.manuscriptId}`}>
            修改后通过
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="待我审核"
        extra={
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={selected.length === 0}
            loading={bulk.isPending}
            onClick={() => {
              setBulkTitles(new Map(rows.map((r) => [r.stepId, r.title])));
              bulk.mutate(
                { stepIds: selected },
                {
                  onSuccess: (out) => {
                    setBulkResult(out);
                    setSelected([]);
                  },
                  onError: (e) => message.error(errorMessage(e)),
                },
              );
            }}
            data-testid="review-bulk-approve"
          >
            批量通过{selected.length > 0 ? `（${selected.length}）` : ''}
          </Button>
        }
      />
      <Card size="small">
        <Table<PendingReview>
          rowKey="stepId"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={pending.isFetching}
          scroll={{ x: 'max-content' }}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
          rowClassName={(r) => (r.overdue ? 'xl-row-overdue' : '')}
          locale={{ emptyText: pending.isError ? errorMessage(pending.error) : '没有待审核的稿件' }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: pending.data?.total ?? 0,
            showTotal: (t) => `共 ${t} 篇待审`,
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
          data-testid="pending-table"
        />
      </Card>
      <ReturnModal
        title={returning?.title ?? ''}
        open={!!returning}
        pending={decide.isPending}
        onCancel={() => setReturning(null)}
        onSubmit={(reason) => returning && act(returning, { decision: 'return', comment: reason }, '已退回，报送人会收到退回理由')}
      />
      <BulkResults result={bulkResult} titles={bulkTitles} onClose={() => setBulkResult(null)} />
    </>
  );
}
