import { VERSION_KIND_LABELS, type DiffOp } from '@xuanlian/contracts';
import { Alert, Drawer, Empty, Flex, Select, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useIsMobile } from '../../shared/ui/useIsMobile.ts';
import { useVersionDiff, useVersions } from './api.ts';

/** One run of a diff: inserted, deleted or unchanged text. */
function Piece({ op, text }: { op: DiffOp['op']; text: string }) {
  if (op === 'insert') return <ins data-testid="diff-insert">{text}</ins>;
  if (op === 'delete') return <del data-testid="diff-delete">{text}</del>;
  return <span>{text}</span>;
}

function Ops({ ops, testId }: { ops: DiffOp[]; testId: string }) {
  if (ops.length === 0 || ops.every((o) => o.op === 'equal' && !o.text)) return <Typography.Text type="secondary">（无内容）</Typography.Text>;
  if (ops.every((o) => o.op === 'equal')) return <Typography.Text type="secondary">（无变化）</Typography.Text>;
  return (
    <div className="xl-diff" data-testid={testId}>
      {ops.map((o, i) =>
        // A rewritten paragraph is shown once, with its changed words marked, instead of old and new in full.
        o.op === 'delete' && ops[i + 1]?.op === 'insert' && ops[i + 1]?.words ? null : o.op === 'insert' && o.words ? (
          <span key={i} className="xl-diff-words" data-testid="diff-change">
            {o.words.map((w, k) => (
              <Piece key={k} op={w.op} text={w.text} />
            ))}
          </span>
        ) : (
          <Piece key={i} op={o.op} text={o.text} />
        ),
      )}
    </div>
  );
}

/** 版本: every version since submission, and what changed between any two (text and captions). */
export function VersionsDrawer({ manuscriptId, open, onClose }: { manuscriptId: string; open: boolean; onClose: () => void }) {
  const isMobile = useIsMobile();
  const versions = useVersions(manuscriptId, open);
  const items = versions.data?.items ?? [];
  const latest = items.reduce((m, v) => Math.max(m, v.version), 0);
  const [pair, setPair] = useState<{ from?: number; to?: number }>({});
  const from = pair.from ?? (latest > 1 ? latest - 1 : latest > 0 ? latest : undefined);
  const to = pair.to ?? (latest > 1 ? latest : 0);
  const diff = useVersionDiff(manuscriptId, from, to);
  const options = [{ value: 0, label: '当前稿（未报送的修改）' }, ...items.map((v) => ({ value: v.version, label: `第 ${v.version} 版 · ${VERSION_KIND_LABELS[v.kind]} · ${v.createdByName}` }))];

  return (
    <Drawer title="版本与修改对比" open={open} onClose={onClose} size={isMobile ? '100%' : 720} destroyOnHidden data-testid="versions-drawer">
      {versions.isPending ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty description="报送后每次修改都会保存为一个版本" />
      ) : (
        <>
          <Table
            size="small"
            rowKey="version"
            pagination={false}
            dataSource={items}
            style={{ marginBottom: 16 }}
            scroll={{ x: 'max-content' }}
            data-testid="versions-table"
            columns={[
              { title: '版本', dataIndex: 'version', render: (v: number) => `第 ${v} 版` },
              { title: '类型', dataIndex: 'kind', render: (k: keyof typeof VERSION_KIND_LABELS) => <Tag>{VERSION_KIND_LABELS[k]}</Tag> },
              { title: '修改人', dataIndex: 'createdByName' },
              { title: '时间', dataIndex: 'updatedAt', render: (t: string) => formatDateTime(t) },
            ]}
          />
          <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
            <Typography.Text>对比</Typography.Text>
            <Select value={from} options={options} onChange={(v: number) => setPair({ from: v, to })} style={{ minWidth: 220 }} aria-label="对比的旧版本" data-testid="diff-from" />
            <Typography.Text>与</Typography.Text>
            <Select value={to} options={options} onChange={(v: number) => setPair({ from, to: v })} style={{ minWidth: 220 }} aria-label="对比的新版本" data-testid="diff-to" />
          </Flex>
          {from === to ? (
            <Alert type="info" showIcon title="请选择两个不同的版本" />
          ) : diff.isError ? (
            <Alert type="error" showIcon title={errorMessage(diff.error)} />
          ) : !diff.data ? (
            <Spin />
          ) : (
            <div data-testid="diff-view">
              <Typography.Title level={5}>标题</Typography.Title>
              <Ops ops={diff.data.title} testId="diff-title" />
              <Typography.Title level={5}>正文</Typography.Title>
              <Ops ops={diff.data.body} testId="diff-body" />
              <Typography.Title level={5}>图片说明</Typography.Title>
              <Ops ops={diff.data.captions} testId="diff-captions" />
            </div>
          )}
        </>
      )}
    </Drawer>
  );
}
