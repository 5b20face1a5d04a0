import { Alert, Button, Descriptions, Drawer, Flex, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useIsMobile } from '../../shared/ui/useIsMobile.ts';
import { useCan } from '../auth/api.ts';
import { useMarkMention, useMention } from './api.ts';
import { CreateIncidentModal } from './CreateIncidentModal.tsx';
import { fieldRanges, Highlighted, SentimentTag } from './labels.tsx';
import { MarkButtons } from './MarkButtons.tsx';

/** One mention in full, keywords marked; opening it marks it read. */
export function MentionDrawer({ id, onCluster, onClose }: { id: string; onCluster: (clusterId: string) => void; onClose: () => void }) {
  const mention = useMention(id);
  const mark = useMarkMention();
  const can = useCan();
  const isMobile = useIsMobile();
  const [creating, setCreating] = useState(false);
  const m = mention.data;
  const unread = m && !m.read;
  useEffect(() => {
    if (unread) mark.mutate({ id, input: { read: true } });
    // Once per opened unread mention.
  }, [id, unread]);

  return (
    <Drawer
      open
      title="舆情信息"
      size={isMobile ? '100%' : 720}
      onClose={onClose}
      loading={mention.isLoading}
      data-testid="mention-drawer"
      extra={
        can('opinion.monitor') &&
        m && (
          <Button type="primary" danger onClick={() => setCreating(true)} data-testid="mention-create-incident">
            立为事件
          </Button>
        )
      }
    >
      {mention.isError && <Alert type="error" showIcon title={errorMessage(mention.error)} />}
      {m && (
        <Flex vertical gap={12}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            <Highlighted text={m.title} ranges={fieldRanges(m.topics, 'title')} />
          </Typography.Title>
          <Flex gap={4} wrap>
            <SentimentTag value={m.sentiment} />
            {m.topics.map((t) => (
              <Tag key={t.id} color="purple">
                {t.name}
              </Tag>
            ))}
            <MarkButtons m={m} />
          </Flex>
          <Descriptions size="small" column={isMobile ? 1 : 2}>
            <Descriptions.Item label="信源">{m.sourceName}</Descriptions.Item>
            <Descriptions.Item label="时间">{formatDateTime(m.occurredAt)}</Descriptions.Item>
            {m.author && <Descriptions.Item label="作者">{m.author}</Descriptions.Item>}
            {m.region && <Descriptions.Item label="地域">{m.region}</Descriptions.Item>}
            <Descriptions.Item label="情感依据">{m.sentimentWords.length ? m.sentimentWords.join('、') : '—'}</Descriptions.Item>
            <Descriptions.Item label="相似信息">
              {m.clusterSize > 1 ? (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onCluster(m.clusterId)}>
                  同类 {m.clusterSize} 条，查看传播
                </Button>
              ) : (
                '无'
              )}
            </Descriptions.Item>
            {m.url && (
              <Descriptions.Item label="原文">
                <a href={m.url} target="_blank" rel="noreferrer noopener" style={{ wordBreak: 'break-all' }}>
                  {m.url}
                </a>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
            <Highlighted text={m.content} ranges={fieldRanges(m.topics, 'content')} />
          </Typography.Paragraph>
        </Flex>
      )}
      {creating && m && <CreateIncidentModal from={{ mentionId: m.id }} defaultTitle={m.title} onClose={() => setCreating(false)} />}
    </Drawer>
  );
}
