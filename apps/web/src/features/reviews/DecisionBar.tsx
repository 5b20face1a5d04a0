import { CheckOutlined, EditOutlined, RollbackOutlined } from '@ant-design/icons';
import type { Manuscript } from '@xuanlian/contracts';
import { Alert, App, Button, Card, Flex, Input, Typography } from 'antd';
import { useRef, useState } from 'react';
import { errorMessage, outcomeUnknown } from '../../shared/api/errors.ts';
import { newUuid } from '../../shared/ids.ts';
import { useDecide } from './api.ts';
import { isTakenByOther, TAKEN_MESSAGE } from './conflict.ts';
import { ReturnModal } from './ReturnModal.tsx';

interface Props {
  manuscript: Manuscript;
  stepName: string | null;
  /** 修改后通过: the page turns its editor on for the reviewer. */
  editing: boolean;
  onStartEdit: () => void;
  onCancelEdit: () => void;
  /** The reviewer's edits, read when they confirm. */
  readEdits: () => { title: string; bodyHtml?: string | undefined };
  onDecided: (m: Manuscript | null) => void;
}

/** The reviewer's decision on the manuscript page: 通过, 退回 with a reason, or 修改后通过. */
export function DecisionBar({ manuscript, stepName, editing, onStartEdit, onCancelEdit, readEdits, onDecided }: Props) {
  const { message, modal } = App.useApp();
  const decide = useDecide();
  const [comment, setComment] = useState('');
  const [returning, setReturning] = useState(false);
  const [taken, setTaken] = useState(false);
  // One key per decision attempt, reused if the same attempt is retried.
  const key = useRef<string | null>(null);
  const stepId = manuscript.actions.decideStepId;
  if (!stepId) return null;

  const run = (input: Parameters<typeof decide.mutate>[0]['input'], done: string) => {
    key.current ??= newUuid();
    decide.mutate(
      { stepId, input: { ...input, idempotencyKey: key.current } },
      {
        onSuccess: (m) => {
          key.current = null;
          message.success(done);
          setReturning(false);
          onDecided(m);
        },
        onError: (e) => {
          if (!outcomeUnknown(e)) key.current = null;
          if (isTakenByOther(e)) {
            setTaken(true);
            setReturning(false);
            modal.warning({ title: '已被他人处理', content: errorMessage(e) || TAKEN_MESSAGE });
            onDecided(null);
          } else message.error(errorMessage(e));
        },
      },
    );
  };

  const approveWithEdits = () => {
    const edits = readEdits();
    const changed: { title?: string; bodyHtml?: string } = {};
    if (edits.title.trim() !== manuscript.title) changed.title = edits.title.trim();
    if (edits.bodyHtml !== undefined) changed.bodyHtml = edits.bodyHtml;
    if (!changed.title && !changed.bodyHtml) {
      message.warning('没有修改内容；如无需修改，请直接点“通过”');
      return;
    }
    run({ decision: 'approve_with_edits', comment, edits: changed }, '已修改并通过，修改内容已保存为新版本');
  };

  return (
    <Card size="small" style={{ marginBottom: 16, borderColor: '#91caff' }} data-testid="decision-bar">
      {taken && <Alert type="warning" showIcon title={TAKEN_MESSAGE} style={{ marginBottom: 8 }} data-testid="decision-taken" />}
      <Typography.Text strong>审核意见{stepName ? `（${stepName}）` : ''}</Typography.Text>
      <Input.TextArea
        rows={2}
        maxLength={1000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder="审核意见（选填；退回时在弹窗中填写理由）"
        style={{ margin: '8px 0' }}
        data-testid="decision-comment"
      />
      <Flex gap={8} wrap>
        {editing ? (
          <>
            <Button type="primary" icon={<CheckOutlined />} loading={decide.isPending} onClick={approveWithEdits} data-testid="decision-confirm-edits">
              确认修改并通过
            </Button>
            <Button onClick={onCancelEdit}>放弃修改</Button>
          </>
        ) : (
          <>
            <Button type="primary" icon={<CheckOutlined />} loading={decide.isPending} onClick={() => run({ decision: 'approve', comment }, '已通过')} data-testid="decision-approve">
              通过
            </Button>
            <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="decision-return">
              退回
            </Button>
            <Button icon={<EditOutlined />} onClick={onStartEdit} data-testid="decision-edit">
              修改后通过
            </Button>
          </>
        )}
      </Flex>
      <ReturnModal
        title={manuscript.title}
        open={returning}
        pending={decide.isPending}
        onCancel={() => setReturning(false)}
        onSubmit={(reason) => run({ decision: 'return', comment: reason }, '已退回，报送人会收到退回理由')}
      />
    </Card>
  );
}
