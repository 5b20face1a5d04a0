import { RightOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { can, useMe } from '../auth/api.ts';
import { TODOS } from './api.ts';

/** 待办: what waits on the signed-in person, each row one tap from the list that holds it. */
export function TodoCard() {
  const me = useMe();
  const mine = TODOS.filter((t) => can(me, t.anyOf));
  const results = useQueries({
    queries: mine.map((t) => ({ queryKey: ['home-todo', t.key], queryFn: ({ signal }: { signal: AbortSignal }) => t.count(signal), staleTime: 0 })),
  });
  if (mine.length === 0) return null;
  const loading = results.some((r) => r.isPending);
  const waiting = mine.map((t, i) => ({ ...t, n: results[i]?.data ?? 0 })).filter((t) => t.n > 0);
  return (
    <Card size="small" title="待办" style={{ marginBottom: 16 }} data-testid="home-todo">
      {loading ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : waiting.length === 0 ? (
        <Typography.Text type="secondary">暂无待办事项</Typography.Text>
      ) : (
        <Flex vertical>
          {waiting.map((t) => (
            <Link key={t.key} to={t.path} data-testid={`home-todo-${t.key}`} className="xl-todo">
              <Flex justify="space-between" align="center" gap={8}>
                <span>{t.label}</span>
                <span>
                  <Tag color={t.urgent ? 'red' : 'blue'} style={{ marginInlineEnd: 4 }}>
                    {t.n}
                  </Tag>
                  <RightOutlined style={{ fontSize: 12, color: '#999' }} />
                </span>
              </Flex>
            </Link>
          ))}
        </Flex>
      )}
    </Card>
  );
}
