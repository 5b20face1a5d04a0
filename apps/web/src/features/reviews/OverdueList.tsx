import { IMPORTANCE_LABELS, type PendingReview } from '@xuanlian/contracts';
import { Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useOverdueReviews } from './api.ts';

/** 超时环节: review steps past their deadline in the editor's units, longest overdue first. */
export function OverdueList() {
  const overdue = useOverdueReviews(true);
  return (
    <Table<PendingReview>
      rowKey="stepId"
      size="middle"
      dataSource={overdue.data?.items}
      loading={overdue.isFetching}
      scroll={{ x: 'max-content' }}
      rowClassName={() => 'xl-row-overdue'}
      locale={{ emptyText: overdue.isError ? errorMessage(overdue.error) : '没有超时的审核环节' }}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 个超时环节` }}
      data-testid="overdue-table"
      columns={[
        { title: '标题', key: 'title', render: (_v, r) => <Link to={`/manuscripts/${r.manuscriptId}`}>{r.title}</Link> },
        { title: '审核环节', dataIndex: 'stepName' },
        { title: '审核人', dataIndex: 'assigneeNames', render: (names: string[]) => names.join('、') || '—' },
        { title: '单位', dataIndex: 'orgName', responsive: ['md'] },
        { title: '重要程度', dataIndex: 'importance', responsive: ['lg'], render: (v: PendingReview['importance']) => IMPORTANCE_LABELS[v] },
        {
          title: '办理时限',
          dataIndex: 'deadlineAt',
          render: (v: string | null) => (
            <Typography.Text type="danger">
              {formatDateTime(v)}
              {v && (
                <Tag color="red" style={{ marginInlineStart: 6 }}>
                  超时 {Math.max(1, dayjs().diff(dayjs(v), 'hour'))} 小时
                </Tag>
              )}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
