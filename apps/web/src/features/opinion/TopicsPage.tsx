import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Topic } from '@xuanlian/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../shared/api/errors.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useIsMobile } from '../../shared/ui/useIsMobile.ts';
import { homeOrgId, useCan, useMe } from '../auth/api.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { useDeleteTopic, useTopics } from './api.ts';
import { TopicFormDrawer } from './TopicFormDrawer.tsx';

type DrawerState = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; topic: Topic };

export default function TopicsPage() {
  const me = useMe();
  const can = useCan();
  const canEdit = can('opinion.monitor');
  const [filters, setFilters] = useState<{ orgId?: string; q?: string; page: number; pageSize: number }>({ page: 1, pageSize: 50 });
  const [drawer, setDrawer] = useState<DrawerState>({ mode: 'closed' });
  const list = useTopics(filters);
  const remove = useDeleteTopic();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const isMobile = useIsMobile();

  const ruleCell = (t: Topic) => (
    <Typography.Text code style={{ wordBreak: 'break-all' }}>
      {t.rule}
    </Typography.Text>
  );
  const columns: TableColumnsType<Topic> = [
    {
      title: '专题',
      key: 'name',
      render: (_v, t) => (
        <Flex vertical gap={2}>
          <span>
            <Link to={`/mentions?topicId=${t.id}`}>{t.name}</Link> {!t.enabled && <Tag>已停用</Tag>}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t.orgName}
          </Typography.Text>
          {isMobile && ruleCell(t)}
        </Flex>
      ),
    },
    ...(isMobile ? [] : [{ title: '关键词规则', key: 'rule', render: (_v: unknown, t: Topic) => ruleCell(t) }]),
    {
      title: '范围与接收',
      key: 'filters',
      responsive: ['md'],
      render: (_v, t) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t.sourceIds.length ? `${t.sourceIds.length} 个信源` : '全部信源'} · {t.regions.length ? t.regions.join('、') : '不限地域'}
          <br />
          接收：{t.recipients.map((r) => r.name).join('、') || '—'}
          {t.quietHours ? ` · 免打扰 ${t.quietHours.start}–${t.quietHours.end}` : ''}
        </Typography.Text>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_v, t) =>
        canEdit ? (
          <Flex gap={0}>
            <Button type="link" size="small" onClick={() => setDrawer({ mode: 'edit', topic: t })} data-testid={`topic-edit-${t.name}`}>
              修改
            </Button>
            {/* A topic with matched mentions or alerts is refused by the server with the reason (停用 instead). */}
            <Popconfirm
              title={`删除专题“${t.name}”及其预警规则？`}
              description="已命中舆情或产生预警的专题不能删除，请停用。"
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() =>
                remove.mutateAsync(t.id).then(
                  () => message.success('已删除'),
                  (e: unknown) => onError(e),
                )
              }
            >
              <Button type="link" size="small" danger data-testid={`topic-delete-${t.name}`}>
                删除
              </Button>
            </Popconfirm>
          </Flex>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title="监测专题"
        extra={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ mode: 'create' })} data-testid="topic-create">
              新建专题
            </Button>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap>
          <div style={{ flex: '1 1 220px' }}>
            <OrgTreeSelect value={filters.orgId} onChange={(orgId) => setFilters((f) => ({ ...f, orgId, page: 1 }))} allowClear placeholder="全部单位" aria-label="单位" />
          </div>
          <Input.Search allowClear placeholder="按名称查找" onSearch={(q) => setFilters((f) => ({ ...f, q: q || undefined, page: 1 }))} style={{ flex: '1 1 200px' }} />
        </Flex>
      </Card>
      <Card size="small">
        <Table<Topic>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          locale={{ emptyText: list.isError ? errorMessage(list.error) : '还没有监测专题' }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (n) => `共 ${n} 个`,
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
          data-testid="topic-table"
        />
      </Card>
      {drawer.mode === 'create' && <TopicFormDrawer defaultOrgId={filters.orgId ?? homeOrgId(me)} onClose={() => setDrawer({ mode: 'closed' })} />}
      {drawer.mode === 'edit' && <TopicFormDrawer topic={drawer.topic} defaultOrgId={drawer.topic.orgId} onClose={() => setDrawer({ mode: 'closed' })} />}
    </>
  );
}
