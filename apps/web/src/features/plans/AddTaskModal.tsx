import { App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { useAddTask } from './api.ts';
import { OrgMultiSelect } from './OrgMultiSelect.tsx';

interface Values {
  title: string;
  description?: string;
  leadOrgId?: string;
  cooperatingOrgIds?: string[];
  deadline?: Dayjs | null;
}

/** A task the text did not have, added to a saved plan under one of its phases. */
export function AddTaskModal({ planId, phaseId, phaseName, onClose }: { planId: string; phaseId: string | null; phaseName: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const add = useAddTask();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  return (
    <Modal open title={`添加任务：${phaseName}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={add.isPending} okText="添加" destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          add.mutate(
            {
              planId,
              input: {
                phaseId,
                title: v.title,
                description: v.description ?? '',
                leadOrgId: v.leadOrgId ?? null,
                cooperatingOrgIds: v.cooperatingOrgIds ?? [],
                deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
              },
            },
            { onSuccess: () => (message.success('已添加任务'), onClose()), onError: (e) => onError(e, form) },
          )
        }
      >
        <Form.Item
          label="任务名称"
          name="title"
          rules={[
            { required: true, message: '请填写任务名称' },
            { min: 2, message: '至少 2 个字' },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="任务要求" name="description">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
        <Form.Item label="牵头单位" name="leadOrgId">
          <OrgTreeSelect allowClear activeOnly placeholder="可稍后分派" />
        </Form.Item>
        <Form.Item label="配合单位" name="cooperatingOrgIds">
          <OrgMultiSelect />
        </Form.Item>
        <Form.Item label="办理时限" name="deadline">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
