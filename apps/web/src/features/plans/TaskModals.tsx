import { App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import type { EvidenceRef, TaskDetail } from '@xuanlian/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { EvidenceUpload } from '../../shared/ui/EvidenceUpload.tsx';
import { useAnswerUrge, useCancelTask, useDecideExtension, useIssueUrge, useReportProgress, useRequestExtension, useReviewTask, useSubmitTask } from './api.ts';

export type TaskModal =
  | { kind: 'report' }
  | { kind: 'submit' }
  | { kind: 'review' }
  | { kind: 'urge' }
  | { kind: 'answer'; urgeId: string }
  | { kind: 'extension' }
  | { kind: 'decide'; extensionId: string }
  | { kind: 'cancel' };

interface Values {
  body?: string;
  files?: EvidenceRef[];
  decision?: 'approve' | 'return' | 'reject';
  note?: string;
  accountabilityNote?: string;
  date?: Dayjs | null;
}

const TITLES: Record<TaskModal['kind'], string> = {
  report: '报送进展',
  submit: '申请办结',
  review: '办结复核',
  urge: '下发督办单',
  answer: '答复督办单',
  extension: '申请延期',
  decide: '审批延期申请',
  cancel: '撤销任务',
};

/** One modal for every move on a task; each field is the one the move needs, in the words offices use. */
export function TaskActionModal({ task, modal, onClose }: { task: TaskDetail; modal: TaskModal; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const moves = {
    report: useReportProgress(),
    submit: useSubmitTask(),
    review: useReviewTask(),
    urge: useIssueUrge(),
    answer: useAnswerUrge(),
    extension: useRequestExtension(),
    decide: useDecideExtension(),
    cancel: useCancelTask(),
  };
  const pending = Object.values(moves).some((m) => m.isPending);
  const late = !!task.deadline && dayjs().format('YYYY-MM-DD') > task.deadline;
  const decision = Form.useWatch('decision', form);
  const done = { onSuccess: () => (message.success('已提交'), onClose()), onError: (e: unknown) => onError(e, form) };
  const id = task.id;

  const onFinish = (v: Values) => {
    const body = v.body?.trim() ?? '';
    switch (modal.kind) {
      case 'report':
        return moves.report.mutate({ id, input: { body, files: v.files ?? [] } }, done);
      case 'submit':
        return moves.submit.mutate({ id, input: { version: task.version, body, files: v.files ?? [] } }, done);
      case 'review':
        return moves.review.mutate(
          { id, input: { version: task.version, decision: v.decision === 'return' ? 'return' : 'approve', note: v.note ?? '', accountabilityNote: v.accountabilityNote || null } },
          done,
        );
      case 'urge':
        return moves.urge.mutate({ id, input: { body, dueOn: v.date ? v.date.format('YYYY-MM-DD') : null } }, done);
      case 'answer':
        return moves.answer.mutate({ id, input: { urgeId: modal.urgeId, answer: body } }, done);
      case 'extension':
        return moves.extension.mutate({ id, input: { toDeadline: v.date ? v.date.format('YYYY-MM-DD') : '', reason: body } }, done);
      case 'decide':
        return moves.decide.mutate({ id, input: { extensionId: modal.extensionId, decision: v.decision === 'reject' ? 'reject' : 'approve', note: v.note ?? '' } }, done);
      case 'cancel':
        return moves.cancel.mutate({ id, input: { version: task.version, reason: body } }, done);
    }
  };

  const k = modal.kind;
  return (
    <Modal open title={`${TITLES[k]}：${task.title}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={pending} okButtonProps={{ 'data-testid': `${k}-submit` } as never} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          decision: k === 'decide' ? 'approve' : k === 'review' ? 'approve' : undefined,
          body: k === 'urge' ? `“${task.title}”${task.light === 'red' ? '已超过办理时限' : '临近办理时限'}，请于收到督办单后签收，并在规定时间内书面答复办理进展。` : undefined,
        }}
      >
        {(k === 'review' || k === 'decide') && (
          <Form.Item label="结论" name="decision">
            <Radio.Group
              options={
                k === 'review'
                  ? [
                      { value: 'approve', label: '通过，办结' },
                      { value: 'return', label: '退回，继续办理' },
                    ]
                  : [
                      { value: 'approve', label: '批准' },
                      { value: 'reject', label: '驳回' },
                    ]
              }
              data-testid={`${k}-decision`}
            />
          </Form.Item>
        )}
        {['report', 'submit', 'urge', 'answer', 'extension', 'cancel'].includes(k) && (
          <Form.Item
            label={{ report: '进展情况', submit: '办理结果', urge: '督办要求', answer: '答复内容', extension: '延期理由', cancel: '撤销原因' }[k as 'report']}
            name="body"
            rules={[
              { required: true, message: '请填写' },
              { min: 2, message: '至少 2 个字' },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} data-testid={`${k}-body`} />
          </Form.Item>
        )}
        {(k === 'report' || k === 'submit') && (
          <Form.Item label="佐证材料" name="files">
            <EvidenceUpload testId={`${k}-upload`} />
          </Form.Item>
        )}
        {k === 'urge' && (
          <Form.Item label="答复期限" name="date">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        {k === 'extension' && (
          <Form.Item label="申请延期至" name="date" rules={[{ required: true, message: '请选择日期' }]} extra={task.deadline ? `原时限：${task.deadline}` : undefined}>
            <DatePicker style={{ width: '100%' }} data-testid="extension-date" />
          </Form.Item>
        )}
        {(k === 'review' || k === 'decide') && (
          <Form.Item
            label={k === 'review' && decision === 'return' ? '退回理由' : '意见'}
            name="note"
            rules={k === 'review' && decision === 'return' ? [{ required: true, message: '请说明退回理由' }] : []}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        )}
        {k === 'review' && decision !== 'return' && late && (
          <Form.Item
            label="问责说明"
            name="accountabilityNote"
            rules={[{ required: true, message: '该任务已超过时限，办结前请填写问责说明' }]}
            extra={`时限为 ${task.deadline}，逾期办结须说明原因及处理意见`}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="review-accountability" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
