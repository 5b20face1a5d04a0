import type { ManuscriptSummary } from '@xuanlian/contracts';
import { IMPORTANCE_LABELS } from '@xuanlian/contracts';
import { Flex, Table, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { ReportKindTag, StatusTag } from './labels.tsx';

interface Props {
  items: ManuscriptSummary[] | undefined;
  total: number;
  loading: boolean;
  error: unknown;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  /** 全部稿件 shows the unit and reporter; 我的稿件 does not need them. */
  showOwner?: boolean;
  testId: string;
}

/** The manuscript list both 我的稿件 and 全部稿件 use: title first, status always visible. */
export function ManuscriptTable({ items, total, loading, error, page, pageSize, onPage, showOwner = false, testId }: Props) {
  const columns: TableColumnsType<ManuscriptSummary> = [
    {
      title: '标题',
      key: 'title',
      render: (_v, m) => (
        <Flex gap={6} align="center" wrap>
          <ReportKindTag kind={m.reportKind} />
          <Link to={`/manuscripts/${m.id}`} data-testid={`manuscript-link-${m.id}`}>
            {m.title || '未命名稿件'}
          </Link>
        </Flex>
      ),
    },
    { title: '状态', key: 'status', width: 96, render: (_v, m) => <StatusTag status={m.status} testId={`manuscript-status-${m.id}`} /> },
    { title: '当前环节', dataIndex: 'currentStepName', responsive: ['md'], render: (v: string | null) => v ?? '—' },
    ...(showOwner
      ? ([
          { title: '单位', dataIndex: 'orgName', responsive: ['sm'] },
          { title: '报送人', dataIndex: 'reporterName', responsive: ['lg'] },
        ] as TableColumnsType<ManuscriptSummary>)
      : []),
    { title: '栏目', dataIndex: 'categoryName', responsive: ['md'], render: (v: string | null) => v ?? '—' },
    { title: '重要程度', dataIndex: 'importance', responsive: ['xl'], render: (v: ManuscriptSummary['importance']) => IMPORTANCE_LABELS[v] },
    {
      title: showOwner ? '报送时间' : '更新时间',
      key: 'time',
      width: 140,
      responsive: ['sm'],
      render: (_v, m) => formatDateTime(showOwner ? m.submittedAt : m.updatedAt),
    },
  ];
  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (t) => `共 ${t} 篇`,
    onChange: onPage,
  };
  return (
    <Table<ManuscriptSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: error ? errorMessage(error) : '暂无稿件' }}
      pagination={pagination}
      data-testid={testId}
    />
  );
}
