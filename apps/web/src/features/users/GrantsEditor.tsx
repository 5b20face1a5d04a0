import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Select } from 'antd';
import { ROLE_LABELS, ROLES, SEPARATED_ADMIN_ROLES, type Role } from '@xuanlian/contracts';
import { OrgTreeSelect } from '../orgs/index.ts';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const SEPARATED: readonly Role[] = SEPARATED_ADMIN_ROLES;
const SEPARATED_TEXT = SEPARATED_ADMIN_ROLES.map((r) => ROLE_LABELS[r]).join('、');

interface GrantRow {
  role?: Role;
  orgId?: string;
}

/**
 * Rows of (role, unit): a role covers the unit's whole subtree. 三员分立 is enforced by the
 * server; here we only warn as soon as two separated admin roles are picked.
 */
export function GrantsEditor() {
  const rows = Form.useWatch<GrantRow[] | undefined>('grants') ?? [];
  const separatedPicked = new Set(rows.map((r) => r?.role).filter((r): r is Role => !!r && SEPARATED.includes(r)));
  const conflict = separatedPicked.size > 1;

  return (
    <>
      <Alert
        type={conflict ? 'error' : 'info'}
        showIcon
        title={conflict ? `${SEPARATED_TEXT}不能授予同一人（三员分立），请删除多余的角色` : `三员分立：${SEPARATED_TEXT}不能由同一人兼任`}
        style={{ marginBottom: 12 }}
        data-testid="grants-separation-warning"
      />
      <Form.List name="grants">
        {(fields, { add, remove }) => (
          <>
            {fields.map(({ key, name }) => (
              <Flex key={key} gap={8} align="start" wrap data-testid={`grant-row-${name}`}>
                <Form.Item name={[name, 'role']} rules={[{ required: true, message: '请选择角色' }]} style={{ flex: '1 1 140px', marginBottom: 12 }}>
                  <Select options={ROLE_OPTIONS} placeholder="角色" aria-label="角色" data-testid={`grant-role-${name}`} />
                </Form.Item>
                <Form.Item name={[name, 'orgId']} rules={[{ required: true, message: '请选择授权单位' }]} style={{ flex: '2 1 180px', marginBottom: 12 }}>
                  <OrgTreeSelect activeOnly placeholder="授权单位（含下级）" aria-label="授权单位" data-testid={`grant-org-${name}`} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(name)} aria-label="删除此角色" data-testid={`grant-remove-${name}`} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block data-testid="grant-add">
              添加角色
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
