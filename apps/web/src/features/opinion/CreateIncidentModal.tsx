import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import { GRADE_LABELS, GRADES, type Grade } from '@xuanlian/contracts';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { toIsoWithOffset } from '../../shared/format.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { useMe } from '../auth/api.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { useCreateIncident } from './api.ts';

interface Values {
  orgId: string;
  title?: string;
  grade: Grade;
  ownerOrgId?: string;
  deadline?: Dayjs;
  note?: string;
}

/** 立为舆情事件 from a mention or a whole cluster of reposts; the title defaults to the mention's. */
export function CreateIncidentModal({ from, defaultTitle, onClose }: { from: { mentionId?: string; clusterId?: string }; defaultTitle: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const me = useMe();
  const create = useCreateIncident();
  const onError = useApiErrorHandler();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const submit = (v: Values) =>
    create.mutate(
      {
        ...from,
        orgId: v.orgId,
        title: v.title?.trim() || undefined,
        grade: v.grade,
        ownerOrgId: v.ownerOrgId,
        deadline: v.deadline ? toIsoWithOffset(v.deadline) : undefined,
        note: v.note?.trim() || undefined,
      },
      {
        onSuccess: (incident) => {
          message.success('已立为舆情事件');
          onClose();
          navigate(`/incidents?id=${incident.id}`);
        },
        onError: (e) => onError(e, form),
      },
    );
  return (
    <Modal
      open
      title={from.clusterId ? '将整簇转载立为舆情事件' : from.mentionId ? '立为舆情事件' : '登记舆情事件'}
      okText="立为事件"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'incident-create-submit' } as never}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ orgId: me.orgId, title: defaultTitle, grade: 'general' }}>
        <Form.Item
          label="事件标题"
          name="title"
          rules={[
            { required: !from.mentionId && !from.clusterId, whitespace: true, message: '请填写事件标题' },
            { min: 2, max: 200, message: '事件标题为 2–200 个字' },
          ]}
        >
          <Input data-testid="incident-create-title" />
        </Form.Item>
        <Form.Item label="负责单位" name="orgId" rules={[{ required: true, message: '请选择负责单位' }]}>
          <OrgTreeSelect data-testid="incident-create-org" />
        </Form.Item>
        <Form.Item label="初步等级" name="grade">
          <Select options={GRADES.map((g) => ({ value: g, label: GRADE_LABELS[g] }))} data-testid="incident-create-grade" />
        </Form.Item>
        <Form.Item label="“发现”环节承办单位（不选为负责单位）" name="ownerOrgId">
          <OrgTreeSelect allowClear />
        </Form.Item>
        <Form.Item label="“发现”环节期限（可不填）" name="deadline">
          <DatePicker showTime format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="说明（可不填）" name="note" rules={[{ max: 2000, message: '说明最多 2000 个字' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
