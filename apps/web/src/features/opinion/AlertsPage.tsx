import { PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Flex, Select, Switch, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { ALERT_RULE_KIND_LABELS, GRADE_LABELS, GRADES, type Alert, type AlertDelivery, type AlertRule, type Grade } from '@xuanlian/contracts';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useCan } from '../auth/api.ts';
import { useAckAlert, useAlertRules, useAlerts, useInbox, useReadDelivery, useTopicOptions, useUpdateAlertRule } from './api.ts';
import { AlertRuleModal } from './AlertRuleModal.tsx';
import { CreateIncidentModal } from './CreateIncidentModal.tsx';
import { GradeTag } from './labels.tsx';

function mentionsLink(a: Alert): string {
  return a.clusterId ? `/mentions?clusterId=${a.clusterId}` : `/mentions?topicId=${a.topicId}`;
}

/** What an alert is about, and what can be done with it right there. */
function AlertCell({ a, unread, onIncident }: { a: Alert; unread?: boolean; onIncident?: () => void }) {
  return (
    <Flex vertical gap={4} data-testid={`alert-${a.id}`}>
      <span>
        {unread && <Badge status="error" style={{ marginRight: 6 }} />}
        <GradeTag value={a.severity} />
        <Typography.Text strong={unread}>{a.title}</Typography.Text>
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {a.topicName} · {ALERT_RULE_KIND_LABELS[a.kind]} · {a.count} 条 · {formatDateTime(a.firstAt)}
        {a.lastAt !== a.firstAt ? ` 至 ${formatDateTime(a.lastAt)}` : ''}
        {a.status === 'acknowledged' ? ` · ${a.acknowledgedByName ?? ''}已确认` : ''}
      </Typography.Text>
      <Flex gap={8} wrap>
        <Link to={mentionsLink(a)}>查看信息</Link>
        {onIncident && a.clusterId && (
          <Typography.Link onClick={onIncident} data-testid={`alert-incident-${a.id}`}>
            立为事件
          </Typography.Link>
        )}
      </Flex>
    </Flex>
  );
}

function Inbox({ onIncident }: { onIncident?: (a: Alert) => void }) {
  const [filters, setFilters] = useState<{ unread?: 'true' | 'false'; page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const inbox = useInbox(filters);
  const read = useReadDelivery();
  const columns: TableColumnsType<AlertDelivery> = [
    { title: '预警', key: 'alert', render: (_v, d) => <AlertCell a={d.alert} unread={!d.readAt} onIncident={onIncident && (() => onIncident(d.alert))} /> },
    { title: '送达', dataIndex: 'deliveredAt', width: 150, responsive: ['md'], render: (v: string) => formatDateTime(v) },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_v, d) =>
        !d.readAt && (
          <Button size="small" loading={read.isPending && read.variables === d.id} onClick={() => read.mutate(d.id)} data-testid={`inbox-read-${d.alert.id}`}>
            已阅
          </Button>
        ),
    },
  ];
  return (
    <>
      <Flex gap={12} style={{ marginBottom: 12 }}>
        <Select<'true' | 'false'>
          allowClear
          placeholder="全部"
          value={filters.unread}
          onChange={(unread) => setFilters((f) => ({ ...f, unread, page: 1 }))}
          options={[
            { value: 'true', label: '未读' },
            { value: 'false', label: '已读' },
          ]}
          style={{ width: 120 }}
          aria-label="阅读状态"
        />
        <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
          免打扰时段内的一般、较大预警在时段结束后送达
        </Typography.Text>
      </Flex>
      <Table<AlertDelivery>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={inbox.data?.items}
        loading={inbox.isLoading}
        locale={{ emptyText: inbox.isError ? errorMessage(inbox.error) : '暂无预警' }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: inbox.data?.total ?? 0,
          showTotal: (n) => `共 ${n} 条`,
          onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
        }}
        data-testid="alert-inbox"
      />
    </>
  );
}

function AllAlerts({ onIncident, status }: { onIncident?: (a: Alert) => void; status?: 'open' }) {
  const can = useCan();
  const [filters, setFilters] = useState<{ topicId?: string; status?: 'open' | 'acknowledged'; severity?: Grade; page: number; pageSize: number }>({
    page: 1,
    pageSize: 20,
    ...(status ? { status } : {}),
  });
  const alerts = useAlerts(filters);
  const topics = useTopicOptions();
  const ack = useAckAlert();
  const onError = useApiErrorHandler();
  const filter = (patch: Partial<typeof filters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));
  const columns: TableColumnsType<Alert> = [
    { title: '预警', key: 'alert', render: (_v, a) => <AlertCell a={a} onIncident={onIncident && (() => onIncident(a))} /> },
    { title: '状态', dataIndex: 'status', width: 90, responsive: ['md'], render: (v: Alert['status']) => (v === 'open' ? <Tag color="red">待确认</Tag> : <Tag>已确认</Tag>) },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_v, a) =>
        a.status === 'open' &&
        can('opinion.monitor') && (
          <Button size="small" loading={ack.isPending && ack.variables === a.id} onClick={() => ack.mutate(a.id, { onError: (e) => onError(e) })} data-testid={`alert-ack-${a.id}`}>
            确认
          </Button>
        ),
    },
  ];
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="全部专题"
          value={filters.topicId}
          onChange={(topicId?: string) => filter({ topicId })}
          options={(topics.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))}
          style={{ minWidth: 160 }}
          aria-label="专题"
        />
        <Select<'open' | 'acknowledged'>
          allowClear
          placeholder="全部状态"
          value={filters.status}
          onChange={(status) => filter({ status })}
          options={[
            { value: 'open', label: '待确认' },
            { value: 'acknowledged', label: '已确认' },
          ]}
          style={{ minWidth: 120 }}
          aria-label="状态"
        />
        <Select<Grade>
          allowClear
          placeholder="全部等级"
          value={filters.severity}
          onChange={(severity) => filter({ severity })}
          options={GRADES.map((g) => ({ value: g, label: GRADE_LABELS[g] }))}
          style={{ minWidth: 120 }}
          aria-label="等级"
        />
      </Flex>
      <Table<Alert>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={alerts.data?.items}
        loading={alerts.isLoading}
        locale={{ emptyText: alerts.isError ? errorMessage(alerts.error) : '暂无预警' }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: alerts.data?.total ?? 0,
          showTotal: (n) => `共 ${n} 条`,
          onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
        }}
        data-testid="alert-table"
      />
    </>
  );
}

function ruleCondition(r: AlertRule): string {
  if (r.kind === 'negative_spike') return `${r.windowMinutes} 分钟内负面信息 ≥ ${r.threshold} 条`;
  if (r.kind === 'watched_source') return `重点信源 ${r.sourceIds.length} 个`;
  return `标题含：${r.keywords.join('、')}`;
}

function Rules() {
  const can = useCan();
  const canEdit = can('opinion.monitor');
  const rules = useAlertRules();
  const update = useUpdateAlertRule();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ rule?: AlertRule } | null>(null);
  const columns: TableColumnsType<AlertRule> = [
    {
      title: '规则',
      key: 'rule',
      render: (_v, r) => (
        <Flex vertical gap={2}>
          <span>
            <GradeTag value={r.severity} />
            {ALERT_RULE_KIND_LABELS[r.kind]}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            专题：{r.topicName} · {ruleCondition(r)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '启用',
      key: 'enabled',
      width: 80,
      render: (_v, r) => (
        <Switch
          size="small"
          checked={r.enabled}
          disabled={!canEdit}
          onChange={(enabled) => update.mutate({ id: r.id, input: { enabled } }, { onSuccess: () => message.success(enabled ? '已启用' : '已停用'), onError: (e) => onError(e) })}
        />
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_v, r) =>
        canEdit && (
          <Button type="link" size="small" onClick={() => setEditing({ rule: r })}>
            修改
          </Button>
        ),
    },
  ];
  return (
    <>
      {canEdit && (
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">预警按专题送达其接收人；接收人和免打扰时段在“监测专题”中设置</Typography.Text>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="alert-rule-create">
            新建规则
          </Button>
        </Flex>
      )}
      <Table<AlertRule>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rules.data}
        loading={rules.isLoading}
        pagination={false}
        locale={{ emptyText: rules.isError ? errorMessage(rules.error) : '暂无预警规则' }}
        data-testid="alert-rule-table"
      />
      {editing && <AlertRuleModal rule={editing.rule} onClose={() => setEditing(null)} />}
    </>
  );
}

export default function AlertsPage() {
  const can = useCan();
  const [incidentFrom, setIncidentFrom] = useState<Alert>();
  const onIncident = can('opinion.monitor') ? setIncidentFrom : undefined;
  // 工作台's 待办 links here with ?tab=all&status=open: every alert still to confirm.
  // The tab lives in the address, so the menu entry (no ?tab) always lands on 我的预警.
  const [params, setParams] = useSearchParams();
  const openOnly = params.get('status') === 'open';
  const tab = params.get('tab') === 'all' || params.get('tab') === 'rules' ? (params.get('tab') as string) : 'inbox';
  return (
    <>
      <PageHeader title="预警" />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'inbox' ? {} : { tab: key }, { replace: true })}
          items={[
            { key: 'inbox', label: '我的预警', children: <Inbox onIncident={onIncident} /> },
            { key: 'all', label: '全部预警', children: <AllAlerts onIncident={onIncident} {...(openOnly ? { status: 'open' as const } : {})} /> },
            { key: 'rules', label: '预警规则', children: <Rules /> },
          ]}
        />
      </Card>
      {incidentFrom?.clusterId && <CreateIncidentModal from={{ clusterId: incidentFrom.clusterId }} defaultTitle={incidentFrom.title} onClose={() => setIncidentFrom(undefined)} />}
    </>
  );
}
