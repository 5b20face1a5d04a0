import type { Org } from '@xuanlian/contracts';

export interface OrgNode {
  org: Org;
  children: OrgNode[];
}

const collator = new Intl.Collator('zh-CN');

function sortNodes(nodes: OrgNode[]): OrgNode[] {
  nodes.sort((a, b) => a.org.sortOrder - b.org.sortOrder || collator.compare(a.org.name, b.org.name));
  for (const n of nodes) sortNodes(n.children);
  return nodes;
}

/**
 * The API returns the actor's scope as a flat list; a unit whose parent is outside the list
 * (the top of the actor's scope) becomes a root.
 */
export function buildOrgTree(items: readonly Org[]): OrgNode[] {
  const byId = new Map<string, OrgNode>(items.map((org) => [org.id, { org, children: [] }]));
  const roots: OrgNode[] = [];
  for (const node of byId.values()) {
    const parent = node.org.parentId ? byId.get(node.org.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return sortNodes(roots);
}

/** The unit and everything under it: a unit cannot move into its own subtree. */
export function subtreeIds(items: readonly Org[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const o of items) {
    if (!o.parentId) continue;
    const list = children.get(o.parentId) ?? [];
    list.push(o.id);
    children.set(o.parentId, list);
  }
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/** Ids of the units on the way from a root down to (not including) `id`. */
export function ancestorIds(items: readonly Org[], id: string): string[] {
  const byId = new Map(items.map((o) => [o.id, o]));
  const path: string[] = [];
  let current = byId.get(id)?.parentId ?? null;
  while (current && byId.has(current) && !path.includes(current)) {
    path.unshift(current);
    current = byId.get(current)?.parentId ?? null;
  }
  return path;
}

/** Units whose name or code contains the keyword, with their ancestors (to expand the tree). */
export function searchOrgs(items: readonly Org[], keyword: string): { matches: Set<string>; expand: Set<string> } {
  const k = keyword.trim().toLowerCase();
  const matches = new Set<string>();
  const expand = new Set<string>();
  if (!k) return { matches, expand };
  for (const o of items) {
    if (o.name.toLowerCase().includes(k) || o.code.toLowerCase().includes(k)) {
      matches.add(o.id);
      for (const a of ancestorIds(items, o.id)) expand.add(a);
    }
  }
  return { matches, expand };
}
