import { PlusOutlined } from '@ant-design/icons';
import { IMPORTANCE_LABELS, REVIEW_RESOLVER_LABELS, type ReviewPolicy } from '@xuanlian/contracts';
import { App, Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { usePolicies, usePolicyMutations } from './api.ts';
import { PolicyDrawer } from './PolicyDrawer.tsx';

function StepsSummary({ p }: { p: ReviewPolicy }) {
  return (
    <Space size={[4, 4]} wrap>
      {p.steps.map((s, i) => (
        <Tag key={i} color={s.mode === 'all' ? 'purple' : 'blue'}>
          {i + 1}. {s.name}（{REVIEW_RESOLVER_LABELS[s.resolve]}
          {s.titleContains ? `·${s.titleContains}` : ''}
          {s.mode === 'all' ? '·会签' : ''}·{s.deadlineHours}小时）
        </Tag>
      ))}
    </Space>
  );
}

/** The review policies in force for the actor's units, with the seed 004 defaults set at the city level. */
export function PoliciesTab({ orgId }: { orgId: string }) {
  const { message } = App.useApp();
  const policies = usePolicies();
  const { update } = usePolicyMutations();
  const [editing, setEditing] = useState<ReviewPolicy | 'new' | null>(null);
  return (
    <>
      <Typography.Paragraph type="secondary">
        按栏目分类和重要程度决定审核流程；没有匹配的策略时，按默认流程：一般稿件由单位负责人审核；重大活动再由分管领导审核；重要决策/全局评价由分管领导和副书记审核。
      </Typography.Paragraph>
      <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setEditing('new')} data-testid="policy-create">
        新建审核策略
      </Button>
      <Table<ReviewPolicy>
        rowKey="id"
        size="small"
        dataSource={policies.data}
        loading={policies.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={false}
        data-testid="policy-table"
        columns={[
          { title: '策略名称', dataIndex: 'name', render: (n: string, p) => (p.status === 'disabled' ? <span style={{ color: '#bfbfbf' }}>{n}（已停用）</span> : n) },
          { title: '用途', dataIndex: 'purpose', render: (v: string) => (v === 'release' ? '发布审核' : '报送审核') },
          { title: '栏目', dataIndex: 'categoryName', render: (v: string | null) => v ?? '任意' },
          { title: '重要程度', dataIndex: 'importance', render: (v: ReviewPolicy['importance']) => (v ? IMPORTANCE_LABELS[v] : '任意') },
          { title: '审核环节', key: 'steps', render: (_v, p) => <StepsSummary p={p} /> },
          { title: '适用单位', dataIndex: 'orgName', responsive: ['lg'] },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_v, p) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(p)} data-testid={`policy-edit-${p.id}`}>
                  编辑
                </Button>
                <Button
                  type="link"
                  size="small"
                  danger={p.status === 'active'}
                  onClick={() => update.mutate({ id: p.id, input: { status: p.status === 'active' ? 'disabled' : 'active' } }, { onError: (e) => message.error(errorMessage(e)) })}
                >
                  {p.status === 'active' ? '停用' : '启用'}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && <PolicyDrawer policy={editing === 'new' ? null : editing} defaultOrgId={orgId} onClose={() => setEditing(null)} />}
    </>
  );
}
