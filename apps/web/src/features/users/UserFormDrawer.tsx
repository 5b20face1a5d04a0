import { App, Button, Divider, Drawer, Flex, Form, Input, Radio } from 'antd';
import { CreateUserInput, type GrantInput, type Role, type User } from '@xuanlian/contracts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { zodRule } from '../../shared/form/zodRule.ts';
import { useIsMobile } from '../../shared/ui/useIsMobile.ts';
import { PASSWORD_RULE_TEXT } from '../auth/passwordRule.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { useCreateUser, useUpdateUser } from './api.ts';
import { GrantsEditor } from './GrantsEditor.tsx';

interface Values {
  username: string;
  name: string;
  phone?: string;
  email?: string;
  orgId: string;
  initialPassword?: string;
  status?: 'active' | 'disabled';
  grants?: { role?: Role; orgId?: string }[];
}

interface Props {
  /** undefined = create a new user. */
  user: User | undefined;
  defaultOrgId: string | undefined;
  onClose: () => void;
}

const shape = CreateUserInput.shape;
const blankToNull = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

function toGrants(rows: Values['grants']): GrantInput[] {
  return (rows ?? []).flatMap((r) => (r.role && r.orgId ? [{ role: r.role, orgId: r.orgId }] : []));
}

/** Create or edit one user, role grants included. Mounted per opening: each starts fresh. */
export function UserFormDrawer({ user, defaultOrgId, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const isMobile = useIsMobile();
  const create = useCreateUser();
  const update = useUpdateUser();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const editing = !!user;
  const pending = create.isPending || update.isPending;

  const initialValues: Partial<Values> = user
    ? {
        username: user.username,
        name: user.name,
        // The list carries the phone masked: the field starts empty and is sent only when retyped.
        phone: '',
        email: user.email ?? '',
        orgId: user.orgId,
        status: user.status === 'disabled' ? 'disabled' : 'active',
        grants: user.grants.map((g) => ({ role: g.role, orgId: g.orgId })),
      }
    : { orgId: defaultOrgId, grants: [] };

  const onFinish = (v: Values) => {
    const done = (text: string) => ({
      onSuccess: () => {
        message.success(text);
        onClose();
      },
      onError: (e: unknown) => onError(e, form),
    });
    if (user) {
      update.mutate(
        {
          id: user.id,
          input: {
            name: v.name.trim(),
            ...(blankToNull(v.phone) ? { phone: blankToNull(v.phone) } : {}),
            email: blankToNull(v.email),
            orgId: v.orgId,
            // Activation of a pending account is the 安全管理员's act, not an edit.
            ...(user.status !== 'pending' && v.status ? { status: v.status } : {}),
            grants: toGrants(v.grants),
          },
        },
        done('已保存'),
      );
      return;
    }
    create.mutate(
      {
        username: v.username.trim(),
        name: v.name.trim(),
        phone: blankToNull(v.phone) ?? undefined,
        email: blankToNull(v.email) ?? undefined,
        orgId: v.orgId,
        initialPassword: v.initialPassword ?? '',
        grants: toGrants(v.grants),
      },
      done('已新建用户，待安全管理员启用后可登录'),
    );
  };

  return (
    <Drawer
      open
      title={editing ? `编辑用户：${user.name}` : '新建用户'}
      onClose={onClose}
      size={isMobile ? '100%' : 560}
      data-testid="user-drawer"
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={pending} onClick={() => form.submit()} data-testid="user-form-submit">
            {editing ? '保存' : '创建'}
          </Button>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} data-testid="user-form">
        <Form.Item
          label="用户名"
          name="username"
          rules={[{ required: true, message: '请填写用户名' }, zodRule(shape.username)]}
          extra={editing ? '用户名不可修改' : '登录用，字母、数字、下划线、点或短横线'}
        >
          <Input disabled={editing} autoComplete="off" maxLength={32} data-testid="user-form-username" />
        </Form.Item>
        <Form.Item label="姓名" name="name" rules={[{ required: true, message: '请填写姓名' }, zodRule(shape.name)]}>
          <Input maxLength={30} data-testid="user-form-name" />
        </Form.Item>
        <Form.Item label="所属单位" name="orgId" rules={[{ required: true, message: '请选择所属单位' }]}>
          <OrgTreeSelect activeOnly data-testid="user-form-org" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item label="手机号" name="phone" rules={[zodRule(shape.phone.unwrap())]} extra={editing && user.phone ? `当前 ${user.phone}，留空则不修改` : undefined} style={{ flex: '1 1 180px' }}>
            <Input inputMode="tel" maxLength={11} placeholder={editing ? (user.phone ?? '') : ''} data-testid="user-form-phone" />
          </Form.Item>
          <Form.Item label="邮箱" name="email" rules={[zodRule(shape.email.unwrap())]} style={{ flex: '1 1 200px' }}>
            <Input inputMode="email" data-testid="user-form-email" />
          </Form.Item>
        </Flex>
        {!editing && (
          <Form.Item label="初始密码" name="initialPassword" rules={[{ required: true, message: '请填写初始密码' }]} extra={`${PASSWORD_RULE_TEXT}；用户首次登录时须修改`}>
            <Input.Password autoComplete="new-password" data-testid="user-form-password" />
          </Form.Item>
        )}
        {editing && user.status !== 'pending' && (
          <Form.Item label="账号状态" name="status">
            <Radio.Group
              options={[
                { value: 'active', label: '正常' },
                { value: 'disabled', label: '停用' },
              ]}
              data-testid="user-form-status"
            />
          </Form.Item>
        )}
        <Divider titlePlacement="start">角色授权</Divider>
        <GrantsEditor />
      </Form>
    </Drawer>
  );
}
