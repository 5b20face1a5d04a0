import { DeleteOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import type { ManuscriptAuthor } from '@xuanlian/contracts';
import { Button, Flex, Input, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../auth/api.ts';
import { OrgTreeSelect, useOrgs } from '../orgs/index.ts';
import { useAuthorCandidates } from './api.ts';

interface Props {
  value: ManuscriptAuthor[];
  onChange: (next: ManuscriptAuthor[]) => void;
  disabled?: boolean;
}

/** Shares that add up to 100, split as evenly as whole percents allow. */
function evenShares(list: ManuscriptAuthor[]): ManuscriptAuthor[] {
  const n = list.length;
  return list.map((a, i) => ({ ...a, share: Math.floor(100 / n) + (i < 100 % n ? 1 : 0) }));
}

/** 作者与署名比例: each author with their unit and credit share; the shares add up to 100. */
export function AuthorsEditor({ value, onChange, disabled }: Props) {
  const me = useMe();
  const orgs = useOrgs();
  const total = value.reduce((s, a) => s + a.share, 0);
  const set = (i: number, patch: Partial<ManuscriptAuthor>) => onChange(value.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const add = (a: Omit<ManuscriptAuthor, 'share'>) => onChange(evenShares([...value, { ...a, share: 0 }]));
  const hasMe = value.some((a) => a.userId === me.id);
  const [search, setSearch] = useState('');
  const [picking, setPicking] = useState(false);
  const candidates = useAuthorCandidates(search, picking);
  const taken = new Set(value.map((a) => a.userId).filter(Boolean));

  return (
    <div data-testid="authors-editor">
      {value.map((a, i) => (
        <Flex key={i} gap={6} wrap align="center" style={{ marginBottom: 8 }}>
          <Input
            value={a.name}
            maxLength={30}
            placeholder="姓名"
            disabled={disabled || !!a.userId}
            onChange={(e) => set(i, { name: e.target.value })}
            style={{ flex: '1 1 90px', minWidth: 80 }}
            aria-label={`第 ${i + 1} 位作者姓名`}
            data-testid={`author-name-${i}`}
          />
          <div style={{ flex: '2 1 140px', minWidth: 120 }}>
            <OrgTreeSelect
              allowClear
              placeholder="所在单位"
              value={a.orgId}
              disabled={disabled}
              onChange={(orgId) => set(i, { orgId: orgId ?? null, orgName: orgs.data?.find((o) => o.id === orgId)?.name ?? null })}
              aria-label={`第 ${i + 1} 位作者单位`}
            />
          </div>
          <InputNumber<number>
            min={0}
            max={100}
            precision={0}
            value={a.share}
            disabled={disabled}
            onChange={(v) => set(i, { share: v ?? 0 })}
            suffix="%"
            style={{ width: 84 }}
            aria-label={`第 ${i + 1} 位作者署名比例`}
            data-testid={`author-share-${i}`}
          />
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            disabled={disabled}
            aria-label={`删除第 ${i + 1} 位作者`}
            onClick={() => onChange(value.length > 1 ? evenShares(value.filter((_, j) => j !== i)) : [])}
          />
        </Flex>
      ))}
      <Flex gap={8} wrap align="center">
        {!hasMe && (
          <Button size="small" icon={<UserAddOutlined />} disabled={disabled} onClick={() => add({ name: me.name, userId: me.id, orgId: me.orgId, orgName: me.orgName })} data-testid="author-add-me">
            添加我
          </Button>
        )}
        <Select
          size="small"
          showSearch={{ filterOption: false, onSearch: setSearch }}
          value={null}
          placeholder="从本单位人员中添加"
          disabled={disabled}
          onOpenChange={(open) => open && setPicking(true)}
          loading={candidates.isFetching}
          notFoundContent={candidates.isFetching ? '查找中…' : '没有匹配的人员'}
          options={(candidates.data?.items ?? []).filter((c) => !taken.has(c.userId)).map((c) => ({ value: c.userId, label: `${c.name}（${c.orgName}${c.title ? `·${c.title}` : ''}）` }))}
          onChange={(userId: string) => {
            const c = candidates.data?.items.find((x) => x.userId === userId);
            if (c) add({ name: c.name, userId: c.userId, orgId: c.orgId, orgName: c.orgName });
          }}
          style={{ minWidth: 200 }}
          aria-label="从本单位人员中添加作者"
          data-testid="author-pick"
        />
        <Button size="small" icon={<PlusOutlined />} disabled={disabled} onClick={() => add({ name: '', userId: null, orgId: null, orgName: null })} data-testid="author-add">
          添加作者
        </Button>
        {value.length > 1 && (
          <Button size="small" type="link" disabled={disabled} onClick={() => onChange(evenShares(value))}>
            平均分配
          </Button>
        )}
        {value.length > 0 && (
          <Typography.Text type={total === 100 ? 'secondary' : 'danger'} style={{ fontSize: 13 }} data-testid="authors-total">
            署名比例合计 {total}%{total === 100 ? '' : '，应为 100%（修正前不会保存作者）'}
          </Typography.Text>
        )}
      </Flex>
    </div>
  );
}
