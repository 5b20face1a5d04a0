import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Divider, Flex, Form, Input, InputNumber, Popconfirm, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ORG_KIND_LABELS, UpdateOrgInput, type Org, type OrgKind } from '@xuanlian/contracts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { zodRule } from '../../shared/form/zodRule.ts';
import { useUpdateOrg } from './api.ts';
import { ORG_KIND_OPTIONS } from './labels.tsx';
import { OrgTreeSelect } from './OrgTreeSelect.tsx';

interface BasicValues {
  name: string;
  kind: OrgKind;
  sortOrder: number;
}

interface Props {
  org: Org;
  parent: Org | undefined;
  onCreateChild: () => void;
}

/** Everything one can do to the selected unit. Keyed by org id by the caller, so forms reset. */
export function OrgPanel({ org, parent, onCreateChild }: Props) {
  const [form] = Form.useForm<BasicValues>();
  const [newParentId, setNewParentId] = useState<string | undefined>();
  const update = useUpdateOrg();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const disabled = org.status === 'disabled';

  const saveBasic = (v: BasicValues) => {
    const input: UpdateOrgInput = {};
    if (v.name.trim() !== org.name) input.name = v.name.trim();
    if (v.kind !== org.kind) input.kind = v.kind;
    if (v.sortOrder !== org.sortOrder) input.sortOrder = v.sortOrder;
    if (Object.keys(input).length === 0) {
      message.info('没有需要保存的修改');
      return;
    }
    update.mutate({ id: org.id, input }, { onSuccess: () => message.success('已保存'), onError: (e) => onError(e, form) });
  };

  const move = () => {
    if (!newParentId) return;
    update.mutate(
      { id: org.id, input: { parentId: newParentId } },
      {
        onSuccess: () => {
          message.success('已调整上级单位');
          setNewParentId(undefined);
        },
        onError: (e) => onError(e),
      },
    );
  };

  const setStatus = (status: Org['status']) =>
    update.mutate({ id: org.id, input: { status } }, { onSuccess: () => message.success(status === 'active' ? '已启用' : '已停用'), onError: (e) => onError(e) });

  return (
    <div data-testid="org-panel">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {org.name} {disabled && <Tag>已停用</Tag>}
        </Typography.Title>
        <Button icon={<PlusOutlined />} onClick={onCreateChild} disabled={disabled} data-testid="org-create-child">
          新建下级单位
        </Button>
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginTop: 12 }}>
        <Descriptions.Item label="单位编码">{org.code}</Descriptions.Item>
        <Descriptions.Item label="类型">{ORG_KIND_LABELS[org.kind]}</Descriptions.Item>
        <Descriptions.Item label="上级单位">{parent?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="层级">第 {org.depth + 1} 级</Descriptions.Item>
      </Descriptions>

      <Divider titlePlacement="start">基本信息</Divider>
      <Form<BasicValues> form={form} layout="vertical" initialValues={{ name: org.name, kind: org.kind, sortOrder: org.sortOrder }} onFinish={saveBasic} data-testid="org-edit-form">
        <Form.Item label="单位名称" name="name" rules={[{ required: true, message: '请填写单位名称' }, zodRule(UpdateOrgInput.shape.name)]}>
          <Input maxLength={60} data-testid="org-edit-name" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item label="单位类型" name="kind" style={{ flex: '1 1 160px' }}>
            <Select options={ORG_KIND_OPTIONS} data-testid="org-edit-kind" />
          </Form.Item>
          <Form.Item label="排序号" name="sortOrder" style={{ flex: '1 1 120px' }} rules={[{ required: true, message: '请填写排序号' }]}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="org-edit-submit">
          保存
        </Button>
      </Form>

      {org.parentId && (
        <>
          <Divider titlePlacement="start">调整上级单位</Divider>
          <Flex gap={8} wrap>
            <div style={{ flex: '1 1 200px' }}>
              <OrgTreeSelect
                value={newParentId}
                onChange={setNewParentId}
                excludeSubtreeOf={org.id}
                activeOnly
                placeholder="选择新的上级单位"
                aria-label="新的上级单位"
                data-testid="org-move-parent"
              />
            </div>
            <Button onClick={move} disabled={!newParentId || newParentId === org.parentId} loading={update.isPending} data-testid="org-move-submit">
              移动
            </Button>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            下级单位随之移动；不能移到本单位或其下级单位之下。
          </Typography.Text>
        </>
      )}

      <Divider titlePlacement="start">状态</Divider>
      {disabled ? (
        <Button onClick={() => setStatus('active')} loading={update.isPending} data-testid="org-enable">
          启用单位
        </Button>
      ) : (
        <Popconfirm title="停用该单位？" description="停用后不能再在该单位下新建单位或用户。" okText="停用" cancelText="取消" onConfirm={() => setStatus('disabled')}>
          <Button danger loading={update.isPending} data-testid="org-disable">
            停用单位
          </Button>
        </Popconfirm>
      )}
    </div>
  );
}
