import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { CreateOrgInput, type Org, type OrgKind } from '@xuanlian/contracts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { zodRule } from '../../shared/form/zodRule.ts';
import { useCreateOrg } from './api.ts';
import { ORG_KIND_OPTIONS } from './labels.tsx';
import { OrgTreeSelect } from './OrgTreeSelect.tsx';

interface Values {
  parentId: string;
  name: string;
  code: string;
  kind: OrgKind;
  sortOrder?: number | null;
}

interface Props {
  parentId: string | undefined;
  onClose: () => void;
  onCreated: (org: Org) => void;
}

const rules = CreateOrgInput.shape;

export function OrgCreateModal({ parentId, onClose, onCreated }: Props) {
  const [form] = Form.useForm<Values>();
  const create = useCreateOrg();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();

  const onFinish = (v: Values) => {
    create.mutate(
      { parentId: v.parentId, name: v.name.trim(), code: v.code.trim(), kind: v.kind, sortOrder: v.sortOrder ?? undefined },
      {
        onSuccess: (org) => {
          message.success(`已新建单位「${org.name}」`);
          onCreated(org);
        },
        onError: (e) => onError(e, form),
      },
    );
  };

  return (
    <Modal
      title="新建单位"
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="创建"
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'org-create-submit' } as Record<string, string>}
    >
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ parentId }} data-testid="org-create-form">
        <Form.Item label="上级单位" name="parentId" rules={[{ required: true, message: '请选择上级单位' }]}>
          <OrgTreeSelect activeOnly data-testid="org-create-parent" />
        </Form.Item>
        <Form.Item label="单位名称" name="name" rules={[{ required: true, message: '请填写单位名称' }, zodRule(rules.name)]}>
          <Input maxLength={60} data-testid="org-create-name" />
        </Form.Item>
        <Form.Item label="单位编码" name="code" extra="字母、数字、下划线或短横线，全系统唯一" rules={[{ required: true, message: '请填写单位编码' }, zodRule(rules.code)]}>
          <Input maxLength={32} data-testid="org-create-code" />
        </Form.Item>
        <Form.Item label="单位类型" name="kind" rules={[{ required: true, message: '请选择单位类型' }]}>
          <Select options={ORG_KIND_OPTIONS} placeholder="选择类型" data-testid="org-create-kind" />
        </Form.Item>
        <Form.Item label="排序号" name="sortOrder" extra="数字越小越靠前">
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
