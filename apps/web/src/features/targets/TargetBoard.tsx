import { Table, Tooltip, type TableColumnsType } from 'antd';
import { TARGET_KINDS, TARGET_META, type TargetBoardOutput } from '@xuanlian/contracts';
import { LightDot } from '../../shared/ui/Light.tsx';

type Row = TargetBoardOutput['rows'][number];

/** Units down, targets across, a light in each cell: where the office should look first. */
export function TargetBoard({ data, onPick }: { data: TargetBoardOutput; onPick: (orgId: string) => void }) {
  const columns: TableColumnsType<Row> = [
    { title: '单位', dataIndex: 'orgName', fixed: 'left', render: (v: string, r) => <a onClick={() => onPick(r.orgId)}>{v}</a> },
    ...TARGET_KINDS.map((kind) => ({
      title: TARGET_META[kind].label,
      key: kind,
      render: (_v: unknown, r: Row) => {
        const i = r.items.find((x) => x.kind === kind);
        if (!i || !i.enabled) return <span style={{ color: '#bfbfbf' }}>—</span>;
        return (
          <Tooltip title={`${i.actual} / ${i.threshold} ${TARGET_META[kind].unit}`}>
            <span style={{ whiteSpace: 'nowrap' }}>
              <LightDot light={i.light} kind="target" text="" /> {i.actual}
            </span>
          </Tooltip>
        );
      },
    })),
  ];
  return <Table<Row> rowKey="orgId" size="small" columns={columns} dataSource={data.rows} pagination={false} scroll={{ x: 'max-content' }} data-testid="target-board" />;
}
