import { Input, Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useCan } from '../auth/api.ts';
import { useUsers } from '../users/index.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
}

/**
 * 操作人: searched in the user list when the actor may read users; an 审计管理员 usually may not
 * (三员分立), so the id can always be typed in directly.
 */
export function ActorSelect({ value, onChange }: Props) {
  const can = useCan();
  const canSearch = can('user.read');
  const [term, setTerm] = useState('');
  // Labels of picked users, so the choice stays readable after the search list changes.
  const [labels, setLabels] = useState<Record<string, string>>({});
  const q = useDeferredValue(term.trim());
  const users = useUsers({ q: q || undefined, page: 1, pageSize: 20 }, canSearch);

  if (!canSearch) {
    return <Input allowClear placeholder="操作人编号" value={value} onChange={(e) => onChange?.(e.target.value.trim() || undefined)} aria-label="操作人编号" data-testid="audit-filter-actor" />;
  }

  const options = (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name}（${u.username}）` }));
  if (UUID.test(q) && !options.some((o) => o.value === q)) options.unshift({ value: q, label: `按编号：${q}` });
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: labels[value] ?? value });

  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setTerm }}
      placeholder="搜索姓名、用户名或输入编号"
      value={value}
      onChange={(v: string | undefined) => {
        const picked = options.find((o) => o.value === v);
        if (v && picked) setLabels((l) => ({ ...l, [v]: picked.label }));
        onChange?.(v);
      }}
      options={options}
      loading={users.isFetching}
      notFoundContent={users.isFetching ? '查找中…' : '没有匹配的用户'}
      aria-label="操作人"
      data-testid="audit-filter-actor"
    />
  );
}
