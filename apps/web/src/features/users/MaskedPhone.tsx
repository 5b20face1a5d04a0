import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import type { User } from '@xuanlian/contracts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { useCan, useMe } from '../auth/api.ts';
import { useRevealUser } from './api.ts';

/**
 * The phone as the list carries it (138****1234), with 查看 for those allowed (oneself, sysadmin and
 * secadmin): the server writes an audit row for each reveal, so the number is only fetched on click.
 */
export function MaskedPhone({ user }: { user: User }) {
  const me = useMe();
  const can = useCan();
  const reveal = useRevealUser();
  const onError = useApiErrorHandler();
  const [full, setFull] = useState<string | null>(null);
  if (!user.phone) return <Typography.Text type="secondary">—</Typography.Text>;
  const allowed = me.id === user.id || can('user.reveal');
  return (
    <Space size={4}>
      <span data-testid={`user-phone-${user.username}`}>{full ?? user.phone}</span>
      {allowed && full === null && (
        <Button
          type="link"
          size="small"
          style={{ paddingInline: 0 }}
          loading={reveal.isPending}
          onClick={() => reveal.mutate(user.id, { onSuccess: (r) => setFull(r.phone), onError: (e) => onError(e) })}
          data-testid={`user-phone-reveal-${user.username}`}
        >
          查看
        </Button>
      )}
    </Space>
  );
}
