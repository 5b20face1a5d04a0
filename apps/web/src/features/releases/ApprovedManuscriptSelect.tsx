import type { ManuscriptSummary } from '@xuanlian/contracts';
import { Select } from 'antd';
import { useState } from 'react';
import { useManuscripts } from '../manuscripts/index.ts';

/** Picks an approved manuscript in the actor's scope, searching titles and text as one types. */
export function ApprovedManuscriptSelect({
  value,
  onChange,
  exclude = [],
  testId,
  placeholder = '搜索并选择审核通过的稿件',
}: {
  value?: string;
  onChange?: (id: string, m: ManuscriptSummary) => void;
  exclude?: readonly string[];
  testId?: string;
  placeholder?: string;
}) {
  const [q, setQ] = useState('');
  const list = useManuscripts({ view: 'all', status: 'approved', page: 1, pageSize: 50, ...(q ? { q } : {}) });
  const items = (list.data?.items ?? []).filter((m) => !exclude.includes(m.id));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      placeholder={placeholder}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? '加载中…' : '没有可选的稿件'}
      options={items.map((m) => ({ value: m.id, label: `${m.title}（${m.orgName}）` }))}
      onChange={(id: string) => {
        const m = items.find((x) => x.id === id);
        if (m) onChange?.(id, m);
      }}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
