import { Form, Input, Modal } from 'antd';

/** 退回 always carries a reason: the reporter reads it to know what to fix. */
export function ReturnModal({ title, open, pending, onCancel, onSubmit }: { title: string; open: boolean; pending: boolean; onCancel: () => void; onSubmit: (reason: string) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      title={`退回稿件：${title}`}
      open={open}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText="确认退回"
      okButtonProps={{ danger: true, loading: pending, 'data-testid': 'return-submit' }}
      cancelText="取消"
      destroyOnHidden
      afterClose={() => form.resetFields()}
    >
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.reason.trim())} preserve={false}>
        <Form.Item
          name="reason"
          label="退回理由"
          rules={[
            { required: true, whitespace: true, message: '请填写退回理由' },
            { min: 2, message: '退回理由至少 2 个字' },
            { max: 1000, message: '退回理由最多 1000 个字' },
          ]}
          extra="理由会通知报送人，请写明需要修改的地方"
        >
          <Input.TextArea rows={4} autoFocus placeholder="例如：请补充活动覆盖的户数，并附现场照片" data-testid="return-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
