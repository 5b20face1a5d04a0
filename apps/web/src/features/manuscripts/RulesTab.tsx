import { GENRE_LABELS, RULE_FIELD_LABELS, RULE_FIELDS, type SubmissionRule } from '@xuanlian/contracts';
import { App, Button, Card, Checkbox, Col, Form, InputNumber, Row, Space, Spin, Switch, Tag, Typography } from 'antd';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { useSubmissionRules, useUpdateRule } from './api.ts';

type Values = Omit<SubmissionRule, 'genre' | 'orgId'>;

function RuleCard({ rule, orgId }: { rule: SubmissionRule; orgId: string }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useUpdateRule();
  const onError = useApiErrorHandler();
  return (
    <Card
      size="small"
      title={
        <Space>
          {GENRE_LABELS[rule.genre]}
          {rule.orgId === null && <Tag>默认</Tag>}
        </Space>
      }
      extra={
        <Button size="small" type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid={`rule-save-${rule.genre}`}>
          保存
        </Button>
      }
      style={{ height: '100%' }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        size="small"
        initialValues={rule}
        onFinish={(v) =>
          save.mutate({ genre: rule.genre, input: { ...v, orgId } }, { onSuccess: () => message.success(`${GENRE_LABELS[rule.genre]}的报送规则已保存`), onError: (e) => onError(e, form) })
        }
      >
        <Form.Item name="requiredFields" label="必填项" style={{ marginBottom: 8 }}>
          <Checkbox.Group options={RULE_FIELDS.map((f) => ({ value: f, label: RULE_FIELD_LABELS[f] }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="titleMin" label="标题最少字数">
            <InputNumber min={0} max={200} />
          </Form.Item>
          <Form.Item name="titleMax" label="标题最多字数">
            <InputNumber min={1} max={200} />
          </Form.Item>
          <Form.Item name="bodyMin" label="正文最少字数">
            <InputNumber min={0} max={100000} />
          </Form.Item>
          <Form.Item name="bodyMax" label="正文最多字数">
            <InputNumber min={1} max={500000} />
          </Form.Item>
          <Form.Item name="minPhotos" label="至少图片数">
            <InputNumber min={0} max={50} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="captionsRequired" label="图片须有图片说明" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="wordingCheck" label="敏感词与领导职务检查" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      </Form>
    </Card>
  );
}

/** 报送规则 per genre for a unit's subtree: checked before every submission, all problems at once. */
export function RulesTab({ orgId }: { orgId: string }) {
  const rules = useSubmissionRules(orgId);
  if (rules.isPending) return <Spin />;
  return (
    <>
      <Typography.Paragraph type="secondary">规则对所选单位及其下级单位生效；未单独设置的单位沿用上级或默认规则。</Typography.Paragraph>
      <Row gutter={[16, 16]} data-testid="rules">
        {(rules.data?.items ?? []).map((r) => (
          <Col key={`${orgId}:${r.genre}`} xs={24} xl={12}>
            <RuleCard rule={r} orgId={orgId} />
          </Col>
        ))}
      </Row>
    </>
  );
}
