import type { ManuscriptSummary } from '@xuanlian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api/client.ts';
import { useCan } from '../auth/api.ts';

/** Approved manuscripts the actor can see, searched by title as they type. */
export function ManuscriptPicker({ value, onChange, testId }: { value?: string; onChange?: (id: string) => void; testId?: string }) {
  const can = useCan();
  const [q, setQ] = useState('');
  const view = can('manuscript.manage', 'manuscript.review') ? 'all' : 'mine';
  const list = useQuery({
    queryKey: ['manuscripts', 'approved-picker', view, q],
    queryFn: ({ signal }) => api.get<{ items: ManuscriptSummary[] }>('/manuscripts', { view, status: 'approved', q: q || undefined, pageSize: 50 }, signal),
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      placeholder="输入标题查找已通过的稿件"
      loading={list.isPending}
      data-testid={testId}
      options={(list.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.title}（${m.orgName}）` }))}
    />
  );
}
