import { DECISION_LABELS, STEP_STATUS_LABELS, type ReviewStep, type StepStatus } from '@xuanlian/contracts';
import { Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../shared/format.ts';
import { useSteps } from './api.ts';

const STATUS_COLOR: Record<StepStatus, string> = {
  waiting: 'default',
  pending: 'processing',
  approved: 'success',
  returned: 'error',
  cancelled: 'default',
};
const DOT: Record<StepStatus, string> = { waiting: 'gray', pending: 'blue', approved: 'green', returned: 'red', cancelled: 'gray' };
const DECISION_COLOR = { approve: 'green', approve_with_edits: 'cyan', return: 'red' } as const;

function StepItem({ step }: { step: ReviewStep }) {
  return (
    <div data-testid={`timeline-step-${step.position}`}>
      <Flex gap={6} align="center" wrap>
        <Typography.Text strong>{step.name}</Typography.Text>
        <Tag color={STATUS_COLOR[step.status]} style={{ marginInlineEnd: 0 }}>
          {STEP_STATUS_LABELS[step.status]}
        </Tag>
        {step.mode === 'all' && <Tag color="purple">会签</Tag>}
        {step.overdue && (
          <Tag color="red" data-testid={`timeline-overdue-${step.position}`}>
            已超时
          </Tag>
        )}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {step.orgName ?? '—'}
        {step.assignees.length > 0 && ` · 审核人：${step.assignees.map((a) => (a.title ? `${a.name}（${a.title}）` : a.name)).join('、')}`}
      </Typography.Text>
      {step.status === 'pending' && step.deadlineAt && (
        <div>
          <Typography.Text type={step.overdue ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
            办理时限：{formatDateTime(step.deadlineAt)}
          </Typography.Text>
        </div>
      )}
      {step.decisions.map((d) => (
        <div key={`${d.reviewerId}-${d.round}-${d.at}`} style={{ marginTop: 4, paddingLeft: 8, borderLeft: '2px solid #f0f0f0' }} data-testid="timeline-decision">
          <Flex gap={6} align="center" wrap>
            <Tag color={DECISION_COLOR[d.decision]} style={{ marginInlineEnd: 0 }}>
              {DECISION_LABELS[d.decision]}
            </Tag>
            <Typography.Text>{d.reviewerTitle ? `${d.reviewerName}（${d.reviewerTitle}）` : d.reviewerName}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(d.at)}
              {d.round > 1 ? ` · 第 ${d.round} 轮` : ''}
              {d.version ? ` · 生成第 ${d.version} 版` : ''}
            </Typography.Text>
          </Flex>
          {d.comment && <Typography.Paragraph style={{ margin: '2px 0 0', whiteSpace: 'pre-wrap' }}>{d.comment}</Typography.Paragraph>}
        </div>
      ))}
    </div>
  );
}

/** The manuscript's review chain, step by step, with every decision and its reason. */
export function ReviewTimeline({ manuscriptId }: { manuscriptId: string }) {
  const steps = useSteps(manuscriptId);
  const items = (steps.data ?? []).filter((s) => s.status !== 'cancelled' || s.decisions.length > 0);
  if (steps.isPending) return null;
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="报送后显示审核进度" />;
  return <Timeline data-testid="review-timeline" items={items.map((s) => ({ key: s.id, color: DOT[s.status], content: <StepItem step={s} /> }))} />;
}
