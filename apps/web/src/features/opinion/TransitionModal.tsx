import { App, DatePicker, Form, Input, Modal } from 'antd';
import { INCIDENT_STAGE_LABELS, type Incident } from '@xuanlian/contracts';
import type { Dayjs } from 'dayjs';
import { ApiError } from '../../shared/api/errors.ts';
import { toIsoWithOffset } from '../../shared/format.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { useTransitionIncident } from './api.ts';

type Move = Incident['transitions'][number];

interface Values {
  ownerOrgId?: string;
  deadline?: Dayjs;
  note?: string;
  responseText?: string;
  responseUrl?: string;
  summary?: string;
}

/**
 * One move of the stage machine. The form asks for what the move needs (a reason to send back,
 * the official response, the closing summary); the request names the stage the user saw, so a
 * move someone else made meanwhile is reported instead of overwritten.
 */
export function TransitionModal({ incident, move, onConflict, onClose }: { incident: Incident; move: Move; onConflict: (message: string) => void; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const transition = useTransitionIncident();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const needs = new Set(move.needs);
  const closing = move.to === 'closed';
  const submit = (v: Values) =>
    transition.mutate(
      {
        id: incident.id,
        input: {
          from: incident.stage,
          to: move.to,
          note: v.note?.trim() || undefined,
          ownerOrgId: closing ? undefined : v.ownerOrgId,
          deadline: !closing && v.deadline ? toIsoWithOffset(v.deadline) : undefined,
          response: v.responseText?.trim() ? { text: v.responseText.trim(), url: v.responseUrl?.trim() || null } : undefined,
          summary: v.summary?.trim() || undefined,
        },
      },
      {
        onSuccess: (next) => {
          message.success(`已转到“${INCIDENT_STAGE_LABELS[next.stage]}”`);
          onClose();
        },
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'CONFLICT') {
            onClose();
            onConflict(e.message);
          } else onError(e, form);
        },
      },
    );
  return (
    <Modal
      open
      title={`${move.label}（${INCIDENT_STAGE_LABELS[incident.stage]} → ${INCIDENT_STAGE_LABELS[move.to]}）`}
      okText="确定"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={transition.isPending}
      okButtonProps={{ 'data-testid': 'transition-submit' } as never}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ ownerOrgId: incident.stageOwnerOrgId, responseText: incident.response?.text, responseUrl: incident.response?.url ?? undefined }}
      >
        {!closing && (
          <>
            <Form.Item label={`“${INCIDENT_STAGE_LABELS[move.to]}”承办单位`} name="ownerOrgId" rules={[{ required: true, message: '请选择承办单位' }]}>
              <OrgTreeSelect data-testid="transition-owner" />
            </Form.Item>
            <Form.Item label="办理期限（不填按等级自动设定）" name="deadline">
              <DatePicker showTime format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="transition-deadline" />
            </Form.Item>
          </>
        )}
        {(needs.has('response') || move.to === 'responding') && (
          <>
            <Form.Item
              label="官方回应内容"
              name="responseText"
              rules={needs.has('response') ? [{ required: true, whitespace: true, message: '办结前请填写官方回应内容' }] : []}
              extra={needs.has('response') ? undefined : '已发布回应的可先填写，办结时也可补充'}
            >
              <Input.TextArea rows={4} data-testid="transition-response" />
            </Form.Item>
            <Form.Item label="回应链接（可不填）" name="responseUrl" rules={[{ type: 'url', message: '回应链接格式不正确' }]}>
              <Input placeholder="https://" data-testid="transition-response-url" />
            </Form.Item>
          </>
        )}
        {needs.has('summary') && (
          <Form.Item label="办结总结" name="summary" rules={[{ required: true, whitespace: true, message: '办结时请填写总结' }]}>
            <Input.TextArea rows={4} placeholder="事件经过、处置措施、回应效果和经验教训" data-testid="transition-summary" />
          </Form.Item>
        )}
        <Form.Item
          label={needs.has('note') ? '退回原因' : '说明（可不填）'}
          name="note"
          rules={[...(needs.has('note') ? [{ required: true, whitespace: true, message: '退回时请说明原因' }] : []), { max: 2000, message: '说明最多 2000 个字' }]}
        >
          <Input.TextArea rows={3} data-testid="transition-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
