import { ThunderboltOutlined } from '@ant-design/icons';
import type { UrgentChain } from '@xuanlian/contracts';
import { Alert, Button, Card, Col, Empty, Flex, Row, Segmented, Spin, Steps, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { Countdown } from '../../shared/ui/Countdown.tsx';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useCan } from '../auth/api.ts';
import { useUrgentChains } from './api.ts';
import { FirstReportModal } from './FirstReportModal.tsx';
import { ReportKindTag, StatusTag } from './labels.tsx';
import { useFollowUp } from './UrgentCard.tsx';

function ChainCard({ chain }: { chain: UrgentChain }) {
  const can = useCan();
  const followUp = useFollowUp();
  const first = chain.reports.find((r) => r.kind === 'first');
  const firstSubmitted = !!first?.submittedAt;
  const start = (kind: 'follow_up' | 'final') => followUp.start({ chainId: chain.chainId, title: first?.title ?? chain.title, categoryId: null }, kind);
  return (
    <Card
      size="small"
      title={chain.title}
      style={{ height: '100%', borderColor: chain.overdue ? '#ff7875' : undefined }}
      data-testid={`urgent-chain-${chain.chainId}`}
      extra={chain.closedAt ? <Typography.Text type="secondary">已终报</Typography.Text> : null}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8, fontSize: 13 }}>
        {chain.orgName} · 事件时间 {formatDateTime(chain.eventAt)}
      </Typography.Paragraph>
      {!firstSubmitted && chain.deadlineAt && !chain.closedAt && (
        <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
          <Typography.Text>首报书面报告：</Typography.Text>
          <Countdown deadline={chain.deadlineAt} prefix="还剩" testId="urgent-countdown" />
        </Flex>
      )}
      {chain.overdue && chain.overdueReason && <Alert type="error" showIcon title={chain.overdueReason} style={{ marginBottom: 8 }} />}
      <Steps
        orientation="vertical"
        size="small"
        current={chain.reports.length - 1}
        items={chain.reports.map((r) => ({
          title: (
            <Flex gap={6} align="center" wrap>
              <ReportKindTag kind={r.kind} />
              <Link to={`/manuscripts/${r.id}`}>{r.title}</Link>
            </Flex>
          ),
          content: (
            <Flex gap={6} align="center">
              <StatusTag status={r.status} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.submittedAt ? `报送于 ${formatDateTime(r.submittedAt)}` : '未报送'}
              </Typography.Text>
            </Flex>
          ),
        }))}
      />
      {!chain.closedAt && can('manuscript.submit') && firstSubmitted && (
        <Flex gap={8}>
          <Button size="small" loading={followUp.pending} onClick={() => start('follow_up')}>
            写续报
          </Button>
          <Button size="small" loading={followUp.pending} onClick={() => start('final')}>
            写终报
          </Button>
        </Flex>
      )}
    </Card>
  );
}

/** 突发事件: every open chain with its countdown, reports in order, and the next report one click away. */
export default function UrgentPage() {
  const can = useCan();
  const [open, setOpen] = useState(true);
  const [firstReport, setFirstReport] = useState(false);
  const chains = useUrgentChains(open);
  const items = chains.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="突发事件"
        extra={
          can('manuscript.submit') && (
            <Button type="primary" danger icon={<ThunderboltOutlined />} onClick={() => setFirstReport(true)} data-testid="urgent-first-report">
              首报
            </Button>
          )
        }
      />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented
          options={[
            { value: 'open', label: '报送中' },
            { value: 'all', label: '全部（含已终报）' },
          ]}
          value={open ? 'open' : 'all'}
          onChange={(v) => setOpen(v === 'open')}
        />
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          突发事件须在规定时限内书面首报，续报按顺序接续，终报后结束
        </Typography.Text>
      </Flex>
      {chains.isPending ? (
        <Spin />
      ) : chains.isError ? (
        <Alert type="error" showIcon title={errorMessage(chains.error)} />
      ) : items.length === 0 ? (
        <Card>
          <Empty description="没有报送中的突发事件" />
        </Card>
      ) : (
        <Row gutter={[16, 16]} data-testid="urgent-chains">
          {items.map((c) => (
            <Col key={c.chainId} xs={24} md={12} xl={8}>
              <ChainCard chain={c} />
            </Col>
          ))}
        </Row>
      )}
      <FirstReportModal open={firstReport} onClose={() => setFirstReport(false)} />
    </>
  );
}
