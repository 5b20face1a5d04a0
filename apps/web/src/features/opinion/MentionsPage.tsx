import { Badge, Button, Card, DatePicker, Flex, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { SENTIMENT_LABELS, SENTIMENTS, type Mention, type Sentiment } from '@xuanlian/contracts';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateTime, toIsoWithOffset } from '../../shared/format.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useIsMobile } from '../../shared/ui/useIsMobile.ts';
import { useMarkManyRead, useMentions, useSourceOptions, useTopicOptions, type MentionFilters } from './api.ts';
import { ClusterDrawer } from './ClusterDrawer.tsx';
import { fieldRanges, Highlighted, SentimentTag } from './labels.tsx';
import { MarkButtons } from './MarkButtons.tsx';
import { MentionDrawer } from './MentionDrawer.tsx';

type ReadState = 'unread' | 'read' | 'important' | 'irrelevant';
const READ_STATES: Array<{ value: ReadState; label: string }> = [
  { value: 'unread', label: '未读' },
  { value: 'read', label: '已读' },
  { value: 'important', label: '重要' },
  { value: 'irrelevant', label: '已标无关' },
];

function readFilter(state: ReadState | undefined): Pick<MentionFilters, 'read' | 'important' | 'irrelevant'> {
  if (state === 'unread') return { read: 'false' };
  if (state === 'read') return { read: 'true' };
  if (state === 'important') return { important: 'true' };
  if (state === 'irrelevant') return { irrelevant: 'true' };
  return {};
}

function MentionCell({ m, onOpen, onCluster }: { m: Mention; onOpen: () => void; onCluster: () => void }) {
  return (
    <Flex vertical gap={4} data-testid={`mention-${m.id}`}>
      <span>
        {!m.read && <Badge status="processing" style={{ marginRight: 6 }} />}
        <Typography.Link strong={!m.read} onClick={onOpen}>
          <Highlighted text={m.title} ranges={fieldRanges(m.topics, 'title')} />
        </Typography.Link>
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        <Highlighted text={m.snippet} ranges={fieldRanges(m.topics, 'content')} />
        {m.snippet.length >= 200 ? '…' : ''}
      </Typography.Text>
      <Flex gap={4} wrap align="center">
        <SentimentTag value={m.sentiment} />
        {m.topics.map((t) => (
          <Tag key={t.id} color="purple">
            {t.name}
          </Tag>
        ))}
        {m.important && <Tag color="gold">重要</Tag>}
        {m.irrelevant && <Tag>无关</Tag>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {m.sourceName} · {formatDateTime(m.occurredAt)}
        </Typography.Text>
        {m.clusterSize > 1 && (
          <Button type="link" size="small" onClick={onCluster} data-testid={`mention-cluster-${m.id}`}>
            同类 {m.clusterSize} 条
          </Button>
        )}
      </Flex>
    </Flex>
  );
}

export default function MentionsPage() {
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<MentionFilters>({ topicId: params.get('topicId') ?? undefined, clusterId: params.get('clusterId') ?? undefined, page: 1, pageSize: 20 });
  const [readState, setReadState] = useState<ReadState>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [open, setOpen] = useState<{ mention?: string; cluster?: string }>({ cluster: params.get('clusterId') ?? undefined });
  const query: MentionFilters = { ...filters, ...readFilter(readState) };
  const list = useMentions(query);
  const topics = useTopicOptions();
  const sources = useSourceOptions();
  const markAll = useMarkManyRead();
  const onError = useApiErrorHandler();
  const isMobile = useIsMobile();
  const filter = (patch: Partial<MentionFilters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));
  const unreadOnPage = (list.data?.items ?? []).filter((m) => !m.read).map((m) => m.id);

  const columns: TableColumnsType<Mention> = [
    {
      title: '舆情信息',
      key: 'mention',
      render: (_v, m) => <MentionCell m={m} onOpen={() => setOpen({ mention: m.id })} onCluster={() => setOpen({ cluster: m.clusterId })} />,
    },
    {
      title: '标记',
      key: 'marks',
      width: isMobile ? 44 : 110,
      render: (_v, m) => (
        <Flex vertical={isMobile} gap={0}>
          <MarkButtons m={m} />
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="舆情信息"
        extra={
          <Button disabled={unreadOnPage.length === 0} loading={markAll.isPending} onClick={() => markAll.mutate(unreadOnPage, { onError: (e) => onError(e) })} data-testid="mentions-mark-page-read">
            本页标为已读
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap>
          <Input.Search
            allowClear
            placeholder="全文检索，如：资料费 投诉"
            onSearch={(q) => filter({ q: q.trim() || undefined })}
            style={{ flex: '2 1 260px' }}
            enterButton="检索"
            data-testid="mentions-search"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部专题"
            value={filters.topicId}
            onChange={(topicId?: string) => filter({ topicId })}
            options={(topics.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))}
            style={{ flex: '1 1 160px' }}
            aria-label="专题"
            data-testid="mentions-filter-topic"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部信源"
            value={filters.sourceId}
            onChange={(sourceId?: string) => filter({ sourceId })}
            options={(sources.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            style={{ flex: '1 1 160px' }}
            aria-label="信源"
            data-testid="mentions-filter-source"
          />
          <Select<Sentiment>
            allowClear
            placeholder="情感倾向"
            value={filters.sentiment}
            onChange={(sentiment) => filter({ sentiment })}
            options={SENTIMENTS.map((s) => ({ value: s, label: SENTIMENT_LABELS[s] }))}
            style={{ flex: '0 1 120px', minWidth: 100 }}
            aria-label="情感倾向"
            data-testid="mentions-filter-sentiment"
          />
          <Select<ReadState>
            allowClear
            placeholder="阅读状态"
            value={readState}
            onChange={(v) => {
              setReadState(v);
              filter({});
            }}
            options={READ_STATES}
            style={{ flex: '0 1 120px', minWidth: 100 }}
            aria-label="阅读状态"
          />
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="MM-DD HH:mm"
            value={range}
            onChange={(r) => {
              setRange(r);
              filter({ from: r?.[0] ? toIsoWithOffset(r[0]) : undefined, to: r?.[1] ? toIsoWithOffset(r[1]) : undefined });
            }}
            placeholder={['开始时间', '结束时间']}
            style={{ flex: '1 1 260px' }}
          />
          {filters.clusterId && (
            <Tag closable onClose={() => filter({ clusterId: undefined })}>
              仅看一个相似簇
            </Tag>
          )}
        </Flex>
      </Card>
      <Card size="small">
        <Table<Mention>
          rowKey="id"
          size="middle"
          showHeader={!isMobile}
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isLoading}
          locale={{ emptyText: list.isError ? errorMessage(list.error) : '没有符合条件的舆情信息' }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (n) => `共 ${n} 条`,
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
          data-testid="mention-table"
        />
      </Card>
      {open.mention && <MentionDrawer id={open.mention} onCluster={(cluster) => setOpen({ cluster })} onClose={() => setOpen({})} />}
      {open.cluster && <ClusterDrawer clusterId={open.cluster} onClose={() => setOpen({})} />}
    </>
  );
}
