import { App, Button, Card, Flex, Form, InputNumber, Popconfirm, Result, Select } from 'antd';
import { DEFAULT_SECURITY_POLICY, SECOND_FACTOR_SCOPE_LABELS, SECOND_FACTOR_SCOPES, type SecurityPolicy } from '@xuanlian/contracts';
import { errorMessage } from '../../shared/api/errors.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { PageSpin } from '../../shared/ui/PageSpin.tsx';
import { useSaveSecurityPolicy, useSecurityPolicy } from './api.ts';
import { FetchPolicyCard } from './FetchPolicyCard.tsx';

interface FieldSpec {
  name: Exclude<keyof SecurityPolicy, 'requireSecondFactorFor'>;
  label: string;
  min: number;
  max: number;
  unit: string;
  help: string;
}

// Bounds mirror the SecurityPolicy schema in contracts; the server re-checks them.
const FIELDS: FieldSpec[] = [
  { name: 'minLength', label: '密码最短长度', min: 8, max: 64, unit: '位', help: '不得少于 8 位' },
  { name: 'minClasses', label: '密码字符类别', min: 2, max: 4, unit: '类', help: '大写字母、小写字母、数字、符号中至少包含几类' },
  { name: 'maxFailedLogins', label: '登录失败锁定次数', min: 3, max: 10, unit: '次', help: '连续输错密码达到该次数后锁定账号' },
  { name: 'lockMinutes', label: '锁定时长', min: 5, max: 1440, unit: '分钟', help: '锁定期满自动解锁，安全管理员也可提前解锁' },
  { name: 'idleMinutes', label: '无操作自动退出', min: 5, max: 240, unit: '分钟', help: '超过该时长无操作需重新登录' },
  { name: 'passwordMaxAgeDays', label: '密码有效期', min: 0, max: 365, unit: '天', help: '到期后须修改密码；0 表示不限' },
];

function PolicyForm({ policy }: { policy: SecurityPolicy }) {
  const [form] = Form.useForm<SecurityPolicy>();
  const save = useSaveSecurityPolicy();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();

  return (
    <Form<SecurityPolicy>
      form={form}
      layout="vertical"
      initialValues={policy}
      onFinish={(v) => save.mutate(v, { onSuccess: () => message.success('安全策略已保存'), onError: (e) => onError(e, form) })}
      style={{ maxWidth: 560 }}
      data-testid="security-form"
    >
      {FIELDS.map((f) => (
        <Form.Item key={f.name} label={f.label} name={f.name} extra={f.help} rules={[{ required: true, message: `请填写${f.label}` }]}>
          <InputNumber min={f.min} max={f.max} precision={0} suffix={f.unit} style={{ width: 200 }} data-testid={`security-${f.name}`} />
        </Form.Item>
      ))}
      <Form.Item
        label="两步验证（动态验证码）"
        name="requireSecondFactorFor"
        extra="被要求的用户在输入密码后须先设置两步验证；已设置的用户每次登录都须输入验证码"
        rules={[{ required: true, message: '请选择' }]}
      >
        <Select options={SECOND_FACTOR_SCOPES.map((v) => ({ value: v, label: SECOND_FACTOR_SCOPE_LABELS[v] }))} style={{ maxWidth: 360 }} data-testid="security-requireSecondFactorFor" />
      </Form.Item>
      <Flex gap={8} wrap>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="security-save">
          保存
        </Button>
        <Popconfirm title="恢复为等保三级默认值？" description="恢复后需点击保存才生效" okText="恢复" cancelText="取消" onConfirm={() => form.setFieldsValue(DEFAULT_SECURITY_POLICY)}>
          <Button data-testid="security-defaults">恢复默认</Button>
        </Popconfirm>
        <Button onClick={() => form.resetFields()}>撤销修改</Button>
      </Flex>
    </Form>
  );
}

export default function SecurityPolicyPage() {
  const policy = useSecurityPolicy();
  return (
    <>
      <PageHeader title="安全策略" />
      <Card>{policy.isPending ? <PageSpin /> : policy.isError ? <Result status="error" title="安全策略加载失败" subTitle={errorMessage(policy.error)} /> : <PolicyForm policy={policy.data} />}</Card>
      <FetchPolicyCard />
    </>
  );
}
