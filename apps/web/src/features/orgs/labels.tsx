import { Tag } from 'antd';
import { ORG_KIND_LABELS, ORG_KINDS, type OrgKind } from '@xuanlian/contracts';

const KIND_COLORS: Record<OrgKind, string> = {
  party: 'red',
  congress: 'volcano',
  government: 'blue',
  section: 'geekblue',
  street: 'green',
  community: 'cyan',
  school: 'purple',
  enterprise: 'gold',
  media: 'magenta',
};

export const ORG_KIND_OPTIONS = ORG_KINDS.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }));

export function OrgKindTag({ kind }: { kind: OrgKind }) {
  return (
    <Tag color={KIND_COLORS[kind]} variant="outlined" style={{ marginInlineStart: 6 }}>
      {ORG_KIND_LABELS[kind]}
    </Tag>
  );
}
