import { SCORE_SOURCE_LABELS, type ScoreLine } from '@xuanlian/contracts';
import { Card, Segmented, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { homeOrgId, useMe } from '../auth/api.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { useExplain } from './api.ts';

/** 我的积分 / 单位积分 with 积分明细: every line and the rule that produced it. */
export default function ScoresPage() {
  const me = useMe();
  const [mode, setMode] = useState<'mine' | 'unit'>('unit');
  const [orgId, setOrgId] = useState<string | undefined>(homeOrgId(me));
  const explain = useExplain(mode === 'unit' ? { orgId } : {});
  return (
    <>
      <PageHeader title="积分" />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Segmented
          value={mode}
          onChange={(v) => setMode(v as 'mine' | 'unit')}
          options={[
            { value: 'unit', label: '单位积分' },
            { value: 'mine', label: '我的积分' },
          ]}
          data-testid="scores-mode"
        />
        {mode === 'unit' && (
          <div style={{ marginTop: 12, maxWidth: 360 }}>
            <OrgTreeSelect value={orgId} onChange={setOrgId} placeholder="选择单位" aria-label="单位" data-testid="scores-org" />
          </div>
        )}
      </Card>
      {explain.data && (
        <Card size="small" title={`${explain.data.subjectName} · 积分明细`}>
          <Statistic title="累计积分" value={explain.data.total} precision={explain.data.total % 1 ? 2 : 0} data-testid="scores-total" />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            每一行说明这笔积分的来源和适用的计分规则；总分等于各行之和。
          </Typography.Paragraph>
          <Table<ScoreLine>
            rowKey="id"
            size="small"
            data-testid="scores-lines"
            dataSource={explain.data.lines}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '月份', dataIndex: 'period' },
              { title: '来源', dataIndex: 'sourceType', render: (s: ScoreLine['sourceType']) => <Tag>{SCORE_SOURCE_LABELS[s]}</Tag> },
              { title: '说明', dataIndex: 'explanation' },
              { title: '积分', dataIndex: 'points', render: (p: number) => <span style={{ color: p < 0 ? '#cf1322' : undefined }}>{p > 0 ? `+${p}` : p}</span> },
              {
                title: '规则',
                key: 'rule',
                responsive: ['md'],
                render: (_v, l) => (
                  <small>
                    第 {l.ruleVersion} 版 · {l.ruleRef}
                  </small>
                ),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
