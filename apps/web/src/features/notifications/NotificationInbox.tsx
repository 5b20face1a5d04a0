import { NOTIFICATION_KIND_LABELS } from '@xuanlian/contracts';
import { Button, Empty, Flex, List, Spin, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../shared/format.ts';
import { useInbox, useMarkRead } from './api.ts';

// Loaded when the bell is first opened (NotificationBell): the list, its tags and the contracts'
// notification labels stay out of every page's first load.
const KIND_COLORS: Record<string, string> = {
  'review.pending': 'blue',
  'review.returned': 'red',
  'review.overdue': 'orange',
  'urgent.overdue': 'orange',
  'manuscript.approved': 'green',
  'review.approved': 'green',
};

/** Only in-app paths: a link is followed with the router, never as a URL of its own. */
const safeLink = (link: string | null) => (link && /^\/[\w\-/]*$/.test(link) ? link : null);

export default function NotificationInbox({ open, onClose }: { open: boolean; onClose: () => void }) {
  // Fetched when the dropdown opens, and again each time it does.
  const inbox = useInbox(open);
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const items = inbox.data?.items ?? [];
  return (
    <div style={{ width: 'min(360px, calc(100vw - 32px))' }} data-testid="inbox">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>通知</Typography.Text>
        <Button size="small" type="link" disabled={(inbox.data?.unread ?? 0) === 0} loading={markRead.isPending} onClick={() => markRead.mutate('all')} data-testid="inbox-read-all">
          全部标为已读
        </Button>
      </Flex>
      {inbox.isPending ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" />
      ) : (
        <List
          size="small"
          style={{ maxHeight: 420, overflowY: 'auto' }}
          dataSource={items}
          renderItem={(n) => {
            const link = safeLink(n.link);
            return (
              <List.Item
                key={n.id}
                style={{ cursor: link ? 'pointer' : 'default', background: n.readAt ? undefined : '#f0f7ff', paddingInline: 8 }}
                data-testid={`inbox-item-${n.id}`}
                onClick={() => {
                  if (!n.readAt) markRead.mutate(n.id);
                  if (link) {
                    onClose();
                    navigate(link);
                  }
                }}
              >
                <List.Item.Meta
                  title={
                    <Flex gap={6} align="center" wrap>
                      <Tag color={KIND_COLORS[n.kind] ?? 'default'} style={{ marginInlineEnd: 0 }}>
                        {NOTIFICATION_KIND_LABELS[n.kind]}
                      </Tag>
                      <Typography.Text strong={!n.readAt} ellipsis style={{ maxWidth: 240 }}>
                        {n.title}
                      </Typography.Text>
                    </Flex>
                  }
                  description={
                    <>
                      <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }} ellipsis={{ rows: 2 }}>
                        {n.body}
                      </Typography.Paragraph>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(n.createdAt)}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
    </div>
  );
}
