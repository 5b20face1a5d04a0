import { App, Button, Flex, Form, Input, Modal, Select, Switch, Table } from 'antd';
import { ACTIVITY_CATEGORIES, ACTIVITY_CATEGORY_LABELS, type ActivityCategory, type ActivityType } from '@xuanlian/contracts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { useActivityTypes, useCreateActivityType, useUpdateActivityType } from './api.ts';

const CATEGORY_OPTIONS = ACTIVITY_CATEGORIES.map((c) => ({ value: c, label: ACTIVITY_CATEGORY_LABELS[c] }));

/**
 * The shared dictionary of activity types. Each type counts towards one target category; a type
 * is switched off rather than deleted, so old records keep their name.
 */
export function ActivityTypesModal({ onClose }: { onClose: () => void }) {
  const types = useActivityTypes();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; category: ActivityCategory }>();
  const create = useCreateActivityType();
  const update = useUpdateActivityType();

  return (
    <Modal open title="活动类型" onCancel={onClose} footer={null} width={640}>
      <Table<ActivityType>
        rowKey="id"
        size="small"
        pagination={false}
        loading={types.isFetching}
        dataSource={types.data}
        columns={[
          { title: '名称', dataIndex: 'name' },
          {
            title: '计入指标',
            dataIndex: 'category',
            render: (v: ActivityCategory, t) => (
              <Select
                size="small"
                value={v}
                options={CATEGORY_OPTIONS}
                style={{ minWidth: 160 }}
                onChange={(category) => update.mutate({ id: t.id, input: { category } }, { onError: (e) => onError(e) })}
              />
            ),
          },
          {
            title: '启用',
            dataIndex: 'active',
            render: (v: boolean, t) => <Switch size="small" checked={v} onChange={(active) => update.mutate({ id: t.id, input: { active } }, { onError: (e) => onError(e) })} />,
          },
        ]}
      />
      <Form
        form={form}
        layout="inline"
        style={{ marginTop: 16, rowGap: 8 }}
        onFinish={(v) => create.mutate(v, { onSuccess: () => (message.success('已新增类型'), form.resetFields()), onError: (e) => onError(e, form) })}
      >
        <Form.Item name="name" rules={[{ required: true, message: '请填写名称' }]}>
          <Input placeholder="新类型名称，如 读书分享会" maxLength={20} />
        </Form.Item>
        <Form.Item name="category" rules={[{ required: true, message: '请选择计入的指标' }]}>
          <Select placeholder="计入指标" options={CATEGORY_OPTIONS} style={{ minWidth: 160 }} />
        </Form.Item>
        <Flex>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            新增
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}
