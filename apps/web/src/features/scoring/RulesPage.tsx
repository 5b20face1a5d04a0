import { GENRE_LABELS, GENRES, LEADER_LEVEL_LABELS, LEADER_LEVELS, OUTLET_LEVEL_LABELS, OUTLET_LEVELS, type ScoringRules, type ScoringRuleVersion } from '@xuanlian/contracts';
import { App, Button, Card, Collapse, DatePicker, Descriptions, Form, Input, InputNumber, Popconfirm, Switch, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useClosePeriod, useCreateRule, usePeriods, useRules } from './api.ts';

function PointsTable({ rules, edit }: { rules: ScoringRules; edit?: (next: ScoringRules) => void }) {
  return (
    <Table
      rowKey="level"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={OUTLET_LEVELS.map((level) => ({ level }))}
      columns={[
        { title: '媒体级别', dataIndex: 'level', render: (l: (typeof OUTLET_LEVELS)[number]) => OUTLET_LEVEL_LABELS[l] },
        ...GENRES.map((g) => ({
          title: GENRE_LABELS[g],
          key: g,
          render: (_v: unknown, r: { level: (typeof OUTLET_LEVELS)[number] }) =>
            edit ? (
              <InputNumber
                size="small"
                min={0}
                max={10000}
                style={{ width: 72 }}
                value={rules.levelGenrePoints[r.level][g]}
                onChange={(v) => edit({ ...rules, levelGenrePoints: { ...rules.levelGenrePoints, [r.level]: { ...rules.levelGenrePoints[r.level], [g]: v ?? 0 } } })}
              />
            ) : (
              rules.levelGenrePoints[r.level][g]
            ),
        })),
      ]}
    />
  );
}

function RuleSummary({ rules }: { rules: ScoringRules }) {
  return (
    <>
      <PointsTable rules={rules} />
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginTop: 12 }}>
        <Descriptions.Item label="头版/头条">按 {rules.frontPageMultiplier} 倍计</Descriptions.Item>
        <Descriptions.Item label="多家采用">{rules.highestLevelOnly ? '按最高级别计一次' : '每家分别计分'}</Descriptions.Item>
        <Descriptions.Item label="领导批示">{LEADER_LEVELS.map((l) => `${LEADER_LEVEL_LABELS[l]} ${rules.endorsementPoints[l]} 分`).join('，')}</Descriptions.Item>
        <Descriptions.Item label="约稿未报">每次扣 {rules.commissionMissedPenalty} 分</Descriptions.Item>
        <Descriptions.Item label="月度最低报送">每少 1 篇扣 {rules.monthlyMinimumPenalty} 分（月末结算，自单位启用后的第一个整月起计）</Descriptions.Item>
        <Descriptions.Item label="转载 / 挂名">转载按来源只计一次；挂名稿件不计分</Descriptions.Item>
      </Descriptions>
    </>
  );
}

function NewVersion({ base, onDone }: { base: ScoringRules; onDone: () => void }) {
  const [rules, setRules] = useState<ScoringRules>(base);
  const [from, setFrom] = useState<Dayjs | null>(dayjs().startOf('month'));
  const [note, setNote] = useState('');
  const create = useCreateRule();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const num = (key: 'frontPageMultiplier' | 'commissionMissedPenalty' | 'monthlyMinimumPenalty', min: number) => (
    <InputNumber min={min} max={10000} value={rules[key]} onChange={(v) => setRules({ ...rules, [key]: v ?? min })} />
  );
  return (
    <Card size="small" title="发布新版本规则" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">新版本从生效日期起适用；未关账的月份按新规则重新计算，已关账的月份保持不变。</Typography.Paragraph>
      <PointsTable rules={rules} edit={setRules} />
      <Form layout="inline" style={{ marginTop: 12, rowGap: 8 }}>
        <Form.Item label="头版倍数">{num('frontPageMultiplier', 1)}</Form.Item>
        <Form.Item label="约稿未报扣分">{num('commissionMissedPenalty', 0)}</Form.Item>
        <Form.Item label="每少报 1 篇扣分">{num('monthlyMinimumPenalty', 0)}</Form.Item>
        <Form.Item label="按最高级别计一次">
          <Switch checked={rules.highestLevelOnly} onChange={(v) => setRules({ ...rules, highestLevelOnly: v })} />
        </Form.Item>
        {LEADER_LEVELS.map((l) => (
          <Form.Item key={l} label={`${LEADER_LEVEL_LABELS[l]}批示`}>
            <InputNumber min={0} max={10000} value={rules.endorsementPoints[l]} onChange={(v) => setRules({ ...rules, endorsementPoints: { ...rules.endorsementPoints, [l]: v ?? 0 } })} />
          </Form.Item>
        ))}
        <Form.Item label="生效日期">
          <DatePicker value={from} onChange={setFrom} />
        </Form.Item>
        <Form.Item label="说明">
          <Input maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 240 }} />
        </Form.Item>
      </Form>
      <Button
        type="primary"
        style={{ marginTop: 12 }}
        loading={create.isPending}
        disabled={!from}
        onClick={() =>
          from &&
          create.mutate(
            { effectiveFrom: from.format('YYYY-MM-DD'), note, rules },
            {
              onSuccess: (v) => {
                message.success(`已发布第 ${v.version} 版，未关账月份已重新计算`);
                onDone();
              },
              onError: (e) => onError(e),
            },
          )
        }
      >
        发布并重算
      </Button>
    </Card>
  );
}

/** 计分规则: versions with their effective dates, a new version, and closing months. */
export default function RulesPage() {
  const rules = useRules();
  const periods = usePeriods();
  const close = useClosePeriod();
  const onError = useApiErrorHandler();
  const [editing, setEditing] = useState(false);
  const current = rules.data?.items[0];
  const thisMonth = dayjs().format('YYYY-MM');
  return (
    <>
      <PageHeader title="计分规则" extra={rules.data?.canManage && !editing && <Button onClick={() => setEditing(true)}>新版本</Button>} />
      {editing && current && <NewVersion base={current.rules} onDone={() => setEditing(false)} />}
      <Collapse
        defaultActiveKey={current ? [current.id] : []}
        items={(rules.data?.items ?? []).map((v: ScoringRuleVersion) => ({
          key: v.id,
          label: (
            <>
              第 {v.version} 版 <Tag color="blue">{v.effectiveFrom === '2000-01-01' ? '初始' : `${v.effectiveFrom} 起`}</Tag> {v.note}
            </>
          ),
          children: <RuleSummary rules={v.rules} />,
        }))}
      />
      <Card size="small" title="积分期间（按月关账）" style={{ marginTop: 16 }}>
        <Table
          rowKey="period"
          size="small"
          pagination={false}
          dataSource={periods.data?.items ?? []}
          columns={[
            { title: '月份', dataIndex: 'period' },
            { title: '状态', dataIndex: 'closed', render: (c: boolean, p) => (c ? <Tag>已关账（{p.closedByName}）</Tag> : <Tag color="green">未关账</Tag>) },
            {
              title: '操作',
              key: 'op',
              render: (_v, p) =>
                rules.data?.canManage &&
                !p.closed &&
                p.period < thisMonth && (
                  <Popconfirm title={`关账后 ${p.period} 的积分将冻结，规则调整不再影响该月。确认关账？`} onConfirm={() => close.mutate(p.period, { onError: (e) => onError(e) })}>
                    <Button size="small">关账</Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
