import { Col, Row, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { AUDIT_ACTION_LABELS, type AuditLog } from '@xuanlian/contracts';
import dayjs from 'dayjs';
import { useOrgs } from '../orgs/index.ts';

const TARGET_LABELS: Record<string, string> = {
  org: '单位',
  user: '用户',
  session: '会话',
  security_policy: '安全策略',
  audit_log: '审计日志',
  import: '导入',
};

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <>
      <Typography.Text strong>{label}</Typography.Text>
      <pre className="xl-json">{value === null || value === undefined ? '（无）' : JSON.stringify(value, null, 2)}</pre>
    </>
  );
}

interface Props {
  items: AuditLog[] | undefined;
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  emptyText?: string;
  onPage: (page: number, pageSize: number) => void;
}

export function AuditTable({ items, total, loading, page, pageSize, emptyText, onPage }: Props) {
  const orgs = useOrgs();
  const orgNames = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.id, o.name])), [orgs.data]);

  const columns: TableColumnsType<AuditLog> = [
    { title: '编号', dataIndex: 'id', responsive: ['sm'] },
    {
      title: '时间',
      dataIndex: 'at',
      // Date over time keeps the column narrow enough for 操作 to fit on a phone.
      render: (v: string) => (
        <>
          {dayjs(v).format('YYYY-MM-DD')}
          <br />
          <Typography.Text type="secondary">{dayjs(v).format('HH:mm:ss')}</Typography.Text>
        </>
      ),
    },
    { title: '操作人', dataIndex: 'actorName' },
    {
      title: '操作',
      dataIndex: 'action',
      render: (a: AuditLog['action']) => <Tag color={a === 'auth.login_failed' || a === 'auth.lock' ? 'red' : 'blue'}>{AUDIT_ACTION_LABELS[a]}</Tag>,
    },
    {
      title: '对象',
      key: 'target',
      responsive: ['md'],
      render: (_v, r) => (
        <span title={r.targetId ?? undefined}>
          {TARGET_LABELS[r.targetType] ?? r.targetType}
          {r.targetId ? ` ${r.targetId.slice(0, 8)}` : ''}
        </span>
      ),
    },
    { title: '单位', dataIndex: 'orgId', responsive: ['lg'], render: (id: string | null) => (id ? (orgNames.get(id) ?? id.slice(0, 8)) : '—') },
    { title: 'IP', dataIndex: 'ip', responsive: ['lg'], render: (ip: string | null) => ip ?? '—' },
  ];

  return (
    <Table<AuditLog>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={emptyText ? { emptyText } : undefined}
      expandable={{
        rowExpandable: (r) => r.before != null || r.after != null,
        expandedRowRender: (r) => (
          <Row gutter={[16, 8]} data-testid={`audit-detail-${r.id}`}>
            <Col xs={24} md={12}>
              <Json label="变更前" value={r.before} />
            </Col>
            <Col xs={24} md={12}>
              <Json label="变更后" value={r.after} />
            </Col>
          </Row>
        ),
      }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (t) => `共 ${t} 条`,
        onChange: onPage,
      }}
      data-testid="audit-table"
    />
  );
}
