import { Tag, Tooltip } from 'antd';

/** Where an entry is set: entries from a unit above apply here but are edited there. */
export function OwnerTag({ orgName, editable }: { orgName: string; editable: boolean }) {
  return editable ? (
    <Tag>{orgName}</Tag>
  ) : (
    <Tooltip title="上级单位设置，在此只读">
      <Tag color="default" style={{ opacity: 0.7 }}>
        {orgName}（上级）
      </Tag>
    </Tooltip>
  );
}
