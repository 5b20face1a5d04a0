import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { IMPORTANCE_LABELS, IMPORTANCES, REVIEW_RESOLVER_LABELS, REVIEW_RESOLVERS, REVIEWER_ROLES, ROLE_LABELS, type ReviewPolicy, type ReviewStepDef } from '@xuanlian/contracts';
import { App, Button, Card, Drawer, Flex, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { useIsMobile } from '../../shared/ui/useIsMobile.ts';
import { useCategories } from '../dictionaries/index.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { usePolicyMutations } from './api.ts';

interface Values {
  orgId: string;
  name: string;
  purpose: 'submission' | 'release';
  categoryId: string | null;
  importance: (typeof IMPORTANCES)[number] | null;
  steps: Array<Omit<ReviewStepDef, 'mode'> & { cosign: boolean }>;
}

const ANY = '__any__';
const newStep = (): Values['steps'][number] => ({ name: '', role: 'reviewer', resolve: 'own_unit', orgId: null, titleContains: null, cosign: false, deadlineHours: 24 });

/** 审核策略: (栏目 × 重要程度) → ordered steps, each naming who reviews and how (会签, 时限). */
export function PolicyDrawer({ policy, defaultOrgId, onClose }: { policy: ReviewPolicy | null; defaultOrgId: string; onClose: () => void }) {
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { create, update } = usePolicyMutations();
  const onError = useApiErrorHandler();
  const orgId = Form.useWatch('orgId', form) ?? policy?.orgId ?? defaultOrgId;
  const categories = useCategories(orgId);
  const initial: Values = policy
    ? { ...policy, steps: policy.steps.map(({ mode, ...s }) => ({ ...s, cosign: mode === 'all' })) }
    : { orgId: defaultOrgId, name: '', purpose: 'submission', categoryId: null, importance: null, steps: [newStep()] };

  const save = (v: Values) => {
    const steps: ReviewStepDef[] = v.steps.map(({ cosign, ...s }) => ({
      ...s,
      orgId: s.resolve === 'named_unit' ? s.orgId : null,
      titleContains: s.titleContains?.trim() || null,
      mode: cosign ? 'all' : 'one',
    }));
    const categoryId = v.categoryId === ANY ? null : v.categoryId;
    const importance = (v.importance as string) === ANY ? null : v.importance;
    const done = {
      onSuccess: () => {
        message.success('审核策略已保存，从下一次报送起生效');
        onClose();
      },
      onError: (e: unknown) => onError(e, form),
    };
    if (policy) update.mutate({ id: policy.id, input: { name: v.name, categoryId, importance, steps } }, done);
    else create.mutate({ orgId: v.orgId, name: v.name, purpose: v.purpose, categoryId, importance, steps }, done);
  };

  return (
    <Drawer
      title={policy ? '编辑审核策略' : '新建审核策略'}
      open
      onClose={onClose}
      size={isMobile ? '100%' : 640}
      extra={
        <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()} data-testid="policy-submit">
          保存
        </Button>
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ ...initial, categoryId: initial.categoryId ?? ANY, importance: initial.importance ?? ANY }} onFinish={save}>
        <Form.Item
          name="name"
          label="策略名称"
          rules={[
            { required: true, whitespace: true, message: '请填写策略名称' },
            { min: 2, max: 40 },
          ]}
        >
          <Input placeholder="如：重大活动稿件审核" data-testid="policy-name" />
        </Form.Item>
        <Form.Item name="orgId" label="适用单位（含下级单位，最近单位的策略优先）" rules={[{ required: true }]}>
          <OrgTreeSelect disabled={!!policy} />
        </Form.Item>
        <Space wrap style={{ width: '100%' }}>
          <Form.Item name="purpose" label="用途">
            <Select
              disabled={!!policy}
              style={{ width: 140 }}
              options={[
                { value: 'submission', label: '报送审核' },
                { value: 'release', label: '发布审核' },
              ]}
            />
          </Form.Item>
          <Form.Item name="categoryId" label="栏目分类">
            <Select style={{ width: 160 }} options={[{ value: ANY, label: '任意栏目' }, ...(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))]} data-testid="policy-category" />
          </Form.Item>
          <Form.Item name="importance" label="重要程度">
            <Select style={{ width: 180 }} options={[{ value: ANY, label: '任意' }, ...IMPORTANCES.map((i) => ({ value: i, label: IMPORTANCE_LABELS[i] }))]} data-testid="policy-importance" />
          </Form.Item>
        </Space>
        <Form.List name="steps" rules={[{ validator: async (_r, v: unknown[]) => (v?.length ? undefined : Promise.reject(new Error('至少需要一个审核环节'))) }]}>
          {(fields, { add, remove, move }, { errors }) => (
            <>
              {fields.map((f, i) => (
                <Card
                  key={f.key}
                  size="small"
                  title={`第 ${i + 1} 步`}
                  style={{ marginBottom: 12 }}
                  extra={
                    <Space size={0}>
                      <Button type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label="上移" />
                      <Button type="text" icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label="下移" />
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(i)} aria-label="删除环节" />
                    </Space>
                  }
                >
                  <Flex gap={12} wrap>
                    <Form.Item name={[f.name, 'name']} label="环节名称" rules={[{ required: true, whitespace: true, message: '请填写环节名称' }, { max: 20 }]} style={{ flex: '1 1 160px' }}>
                      <Input placeholder="如：分管领导审核" data-testid={`policy-step-name-${i}`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'role']} label="角色" style={{ flex: '1 1 120px' }}>
                      <Select options={REVIEWER_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'resolve']} label="审核人来源" style={{ flex: '1 1 120px' }}>
                      <Select options={REVIEW_RESOLVERS.map((r) => ({ value: r, label: REVIEW_RESOLVER_LABELS[r] }))} />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() =>
                        form.getFieldValue(['steps', f.name, 'resolve']) === 'named_unit' && (
                          <Form.Item name={[f.name, 'orgId']} label="指定单位" rules={[{ required: true, message: '请选择指定单位' }]} style={{ flex: '1 1 200px' }}>
                            <OrgTreeSelect />
                          </Form.Item>
                        )
                      }
                    </Form.Item>
                    <Form.Item name={[f.name, 'titleContains']} label="职务包含" style={{ flex: '1 1 120px' }} tooltip="按职务筛选审核人，如“分管”“副书记”；留空则不限">
                      <Input placeholder="不限" maxLength={20} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'deadlineHours']} label="时限（小时）" style={{ flex: '0 1 110px' }}>
                      <InputNumber min={1} max={720} style={{ width: '100%' }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'cosign']} label="会签（全部审核人都须通过）" valuePropName="checked">
                      <Switch />
                    </Form.Item>
                  </Flex>
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" block icon={<PlusOutlined />} disabled={fields.length >= 6} onClick={() => add(newStep())} data-testid="policy-step-add">
                添加审核环节
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
