import { App, DatePicker, Form, Input, Modal } from 'antd';
import type { Task } from '@xuanlian/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { useUpdateTask } from './api.ts';
import { OrgMultiSelect } from './OrgMultiSelect.tsx';

interface Values {
  title: string;
  leadOrgId?: string;
  cooperatingOrgIds?: string[];
  deadline?: Dayjs | null;
}

/** 分派: the lead unit answers for the task, cooperating units help; the deadline drives its light. */
export function AssignModal({ task, onClose }: { task: Task; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const update = useUpdateTask();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  return (
    <Modal
      open
      title="分派任务"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      okText="保存"
      okButtonProps={{ 'data-testid': 'assign-submit' } as never}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ title: task.title, leadOrgId: task.leadOrg?.id, cooperatingOrgIds: task.cooperatingOrgs.map((o) => o.id), deadline: task.deadline ? dayjs(task.deadline) : null }}
        onFinish={(v) =>
          update.mutate(
            {
              id: task.id,
              input: {
                version: task.version,
                title: v.title,
                leadOrgId: v.leadOrgId ?? null,
                cooperatingOrgIds: v.cooperatingOrgIds ?? [],
                deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
              },
            },
            { onSuccess: () => (message.success('已分派'), onClose()), onError: (e) => onError(e, form) },
          )
        }
      >
        <Form.Item label="任务名称" name="title" rules={[{ required: true, message: '请填写任务名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="牵头单位" name="leadOrgId" rules={[{ required: true, message: '请选择牵头单位' }]}>
          <OrgTreeSelect activeOnly data-testid="assign-lead" />
        </Form.Item>
        <Form.Item label="配合单位" name="cooperatingOrgIds">
          <OrgMultiSelect />
        </Form.Item>
        <Form.Item label="办理时限" name="deadline">
          <DatePicker style={{ width: '100%' }} data-testid="assign-deadline" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
