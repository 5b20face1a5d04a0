import { Empty, Input, Tree, type TreeDataNode } from 'antd';
import { useMemo, useState, type Key } from 'react';
import type { Org } from '@xuanlian/contracts';
import { OrgKindTag } from './labels.tsx';
import { buildOrgTree, searchOrgs, type OrgNode } from './orgTree.ts';

interface Props {
  orgs: Org[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}

function toTreeData(nodes: OrgNode[], matches: Set<string>): TreeDataNode[] {
  return nodes.map(({ org, children }) => ({
    key: org.id,
    title: (
      <span className={org.status === 'disabled' ? 'xl-org-disabled' : undefined} data-testid={`org-node-${org.code}`}>
        {matches.has(org.id) ? <mark>{org.name}</mark> : org.name}
        <OrgKindTag kind={org.kind} />
        {org.status === 'disabled' && <span>（已停用）</span>}
      </span>
    ),
    children: toTreeData(children, matches),
  }));
}

/** Top two levels open by default; a search opens the way to every hit. */
export function OrgTreeView({ orgs, selectedId, onSelect }: Props) {
  const [keyword, setKeyword] = useState('');
  const [expanded, setExpanded] = useState<Key[] | null>(null);
  const roots = useMemo(() => buildOrgTree(orgs), [orgs]);
  const found = useMemo(() => searchOrgs(orgs, keyword), [orgs, keyword]);
  const treeData = useMemo(() => toTreeData(roots, found.matches), [roots, found.matches]);
  const defaultExpanded = useMemo(() => roots.flatMap((r) => [r.org.id, ...r.children.map((c) => c.org.id)]), [roots]);

  const expandedKeys = keyword.trim() ? [...new Set([...(expanded ?? defaultExpanded), ...found.expand])] : (expanded ?? defaultExpanded);

  return (
    <>
      <Input.Search allowClear placeholder="按名称或编码查找单位" onSearch={setKeyword} onChange={(e) => !e.target.value && setKeyword('')} style={{ marginBottom: 12 }} data-testid="org-search" />
      {keyword.trim() && found.matches.size === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有匹配的单位" />}
      <Tree
        blockNode
        showLine
        treeData={treeData}
        expandedKeys={expandedKeys}
        onExpand={(keys) => setExpanded(keys)}
        selectedKeys={selectedId ? [selectedId] : []}
        onSelect={(keys) => {
          const id = keys[0];
          if (typeof id === 'string') onSelect(id);
        }}
        height={orgs.length > 300 ? 640 : undefined}
        data-testid="org-tree"
      />
    </>
  );
}
