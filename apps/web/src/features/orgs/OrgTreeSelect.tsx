import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import type { Org } from '@xuanlian/contracts';
import { useOrgs } from './api.ts';
import { buildOrgTree, subtreeIds, type OrgNode } from './orgTree.ts';

interface Option {
  value: string;
  title: string;
  disabled?: boolean;
  children: Option[];
}

interface Props extends Omit<TreeSelectProps<string>, 'treeData' | 'value' | 'onChange'> {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** Grey out this unit and its subtree (move targets). */
  excludeSubtreeOf?: string;
  /** Grey out disabled units (new users and grants should not land there). */
  activeOnly?: boolean;
}

function toOptions(nodes: OrgNode[], blocked: Set<string>, activeOnly: boolean): Option[] {
  return nodes.map(({ org, children }: { org: Org; children: OrgNode[] }) => ({
    value: org.id,
    title: org.status === 'disabled' ? `${org.name}（已停用）` : org.name,
    disabled: blocked.has(org.id) || (activeOnly && org.status === 'disabled'),
    children: toOptions(children, blocked, activeOnly),
  }));
}

/** A unit picker over the actor's scope, searchable by name; used by users, audit and orgs. */
export function OrgTreeSelect({ value, onChange, excludeSubtreeOf, activeOnly = false, ...rest }: Props) {
  const orgs = useOrgs();
  const treeData = useMemo(() => {
    const items = orgs.data ?? [];
    const blocked = excludeSubtreeOf ? subtreeIds(items, excludeSubtreeOf) : new Set<string>();
    return toOptions(buildOrgTree(items), blocked, activeOnly);
  }, [orgs.data, excludeSubtreeOf, activeOnly]);

  return (
    <TreeSelect<string>
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder="选择单位"
      treeDefaultExpandAll={(orgs.data?.length ?? 0) <= 50}
      loading={orgs.isPending}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
      {...rest}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={treeData}
    />
  );
}
