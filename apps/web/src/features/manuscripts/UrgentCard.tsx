import { REPORT_KIND_LABELS, type Manuscript, type ReportKind } from '@xuanlian/contracts';
import { App, Button, Card, Descriptions, Flex, List, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { Countdown } from '../../shared/ui/Countdown.tsx';
import { useCan } from '../auth/api.ts';
import { useCreateManuscript, useUrgentChain } from './api.ts';
import { ReportKindTag, StatusTag } from './labels.tsx';

/** Starts the next report of a chain (续报 or 终报) in the same category and opens it. */
export function useFollowUp() {
  const create = useCreateManuscript();
  const navigate = useNavigate();
  const { message } = App.useApp();
  return {
    pending: create.isPending,
    start: (chain: { chainId: string; title: string; categoryId: string | null }, kind: Exclude<ReportKind, 'first'>) =>
      create.mutate(
        { title: `${chain.title}（${REPORT_KIND_LABELS[kind]}）`.slice(0, 200), categoryId: chain.categoryId, urgent: { kind, chainId: chain.chainId } },
        { onSuccess: (m) => navigate(`/manuscripts/${m.id}`), onError: (e) => message.error(errorMessage(e)) },
      ),
  };
}

/** The 突发事件 lane on a manuscript: the deadline of the written report, and the chain's reports in order. */
export function UrgentCard({ manuscript }: { manuscript: Manuscript }) {
  const can = useCan();
  const u = manuscript.urgent;
  const chainQuery = useUrgentChain(u?.chainId);
  const followUp = useFollowUp();
  if (!u) return null;
  const chain = chainQuery.data;
  const closed = !!(u.chainClosedAt ?? chain?.closedAt);
  const first = chain?.reports.find((r) => r.kind === 'first');
  const waitingFirst = u.kind === 'first' && !manuscript.submittedAt;

  return (
    <Card
      size="small"
      title={
        <Flex gap={6} align="center">
          突发事件 <ReportKindTag kind={u.kind} />
        </Flex>
      }
      style={{ marginBottom: 16, borderColor: '#ffbb96' }}
      data-testid="urgent-card"
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="事件时间">{formatDateTime(u.eventAt)}</Descriptions.Item>
        {u.deadlineAt && <Descriptions.Item label="书面报告截止">{formatDateTime(u.deadlineAt)}</Descriptions.Item>}
        {waitingFirst && u.deadlineAt && (
          <Descriptions.Item label="倒计时">
            <Countdown deadline={u.deadlineAt} prefix="距截止还有" testId="urgent-countdown" />
          </Descriptions.Item>
        )}
        {waitingFirst && !u.eventAt && <Descriptions.Item label="倒计时">请先填写事件发生时间</Descriptions.Item>}
      </Descriptions>
      {chain && (
        <List
          size="small"
          header={<Typography.Text strong>报送顺序</Typography.Text>}
          dataSource={chain.reports}
          data-testid="urgent-chain"
          renderItem={(r) => (
            <List.Item key={r.id} style={{ paddingInline: 0 }}>
              <Flex gap={6} align="center" wrap>
                <ReportKindTag kind={r.kind} />
                {r.kind === 'follow_up' && <Typography.Text type="secondary">第 {r.seq - 1} 次</Typography.Text>}
                {r.id === manuscript.id ? <Typography.Text strong>{r.title}</Typography.Text> : <Link to={`/manuscripts/${r.id}`}>{r.title}</Link>}
                <StatusTag status={r.status} />
              </Flex>
            </List.Item>
          )}
        />
      )}
      {closed ? (
        <Typography.Text type="secondary">已终报，事件报送结束。</Typography.Text>
      ) : (
        can('manuscript.submit') &&
        first?.submittedAt && (
          <Flex gap={8} style={{ marginTop: 8 }}>
            <Button
              loading={followUp.pending}
              onClick={() => followUp.start({ chainId: u.chainId, title: first.title, categoryId: manuscript.categoryId }, 'follow_up')}
              data-testid="urgent-follow-up"
            >
              写续报
            </Button>
            <Button loading={followUp.pending} onClick={() => followUp.start({ chainId: u.chainId, title: first.title, categoryId: manuscript.categoryId }, 'final')} data-testid="urgent-final">
              写终报
            </Button>
          </Flex>
        )
      )}
    </Card>
  );
}
