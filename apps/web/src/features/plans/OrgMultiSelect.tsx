import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { buildOrgTree, useOrgs } from '../orgs/index.ts';
import type { Org } from '@xuanlian/contracts';

type Node = { org: Org; children: Node[] };
// A parent picked here means that unit alone, so nodes are picked one by one (no cascading checks).
interface Option {
  value: string;
  title: string;
  children: Option[];
}
const toOptions = (nodes: Node[]): Option[] => nodes.map((n) => ({ value: n.org.id, title: n.org.name, children: toOptions(n.children) }));

/** Several units at once (配合单位), from the actor's scope. */
export function OrgMultiSelect({ value, onChange }: { value?: string[]; onChange?: (v: string[]) => void }) {
  const orgs = useOrgs();
  const treeData = useMemo(() => toOptions(buildOrgTree((orgs.data ?? []).filter((o) => o.status === 'active')) as Node[]), [orgs.data]);
  return (
    <TreeSelect<string[]>
      multiple
      showSearch={{ treeNodeFilterProp: 'title' }}
      value={value}
      onChange={(v) => onChange?.(v)}
      treeData={treeData}
      placeholder="可选多个"
      style={{ width: '100%' }}
      treeDefaultExpandAll
    />
  );
}
