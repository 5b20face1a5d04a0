import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useOrgs } from './api.ts';
import { buildOrgTree, type OrgNode } from './orgTree.ts';

interface Option {
  value: string;
  title: string;
  disabled?: boolean;
  children: Option[];
}

function toOptions(nodes: OrgNode[]): Option[] {
  return nodes.map(({ org, children }) => ({ value: org.id, title: org.name, disabled: org.status === 'disabled', children: toOptions(children) }));
}

/** Several units at once (e.g. the units a 约稿 goes to); each picked unit stands for itself only. */
export function OrgMultiSelect({ value, onChange, placeholder = '选择单位', testId }: { value?: string[]; onChange?: (ids: string[]) => void; placeholder?: string; testId?: string }) {
  const orgs = useOrgs();
  const treeData = useMemo(() => toOptions(buildOrgTree(orgs.data ?? [])), [orgs.data]);
  return (
    <TreeSelect<string[]>
      multiple
      treeCheckable
      treeCheckStrictly={false}
      showCheckedStrategy={TreeSelect.SHOW_ALL}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll={(orgs.data?.length ?? 0) <= 50}
      loading={orgs.isPending}
      placeholder={placeholder}
      style={{ width: '100%' }}
      maxTagCount="responsive"
      value={value}
      onChange={(v) => onChange?.(v)}
      treeData={treeData}
      data-testid={testId}
    />
  );
}
