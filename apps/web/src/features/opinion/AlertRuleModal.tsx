import { App, Form, InputNumber, Modal, Select, Switch } from 'antd';
import { ALERT_RULE_KIND_LABELS, ALERT_RULE_KINDS, GRADE_LABELS, GRADES, type AlertRule, type AlertRuleKind, type Grade } from '@xuanlian/contracts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { useCreateAlertRule, useSourceOptions, useTopicOptions, useUpdateAlertRule } from './api.ts';

interface Values {
  topicId: string;
  kind: AlertRuleKind;
  threshold?: number;
  windowMinutes?: number;
  sourceIds: string[];
  keywords: string[];
  severity: Grade;
  enabled: boolean;
}

const KIND_HELP: Record<AlertRuleKind, string> = {
  negative_spike: '在时间窗口内该专题的负面信息达到阈值时预警，一轮激增只预警一次',
  watched_source: '该专题的信息出现在所选信源时预警，同一簇转载只预警一次',
  title_keyword: '该专题信息的标题含所填关键词时预警，同一簇转载只预警一次',
};

/** Creates or edits an alert rule; topic and kind are fixed once created. */
export function AlertRuleModal({ rule, onClose }: { rule?: AlertRule; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? rule?.kind ?? 'negative_spike';
  const topics = useTopicOptions();
  const sources = useSourceOptions();
  const create = useCreateAlertRule();
  const update = useUpdateAlertRule();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();

  const submit = (v: Values) => {
    const body = {
      threshold: kind === 'negative_spike' ? v.threshold : undefined,
      windowMinutes: kind === 'negative_spike' ? v.windowMinutes : undefined,
      sourceIds: kind === 'watched_source' ? v.sourceIds : [],
      keywords: kind === 'title_keyword' ? v.keywords : [],
      severity: v.severity,
      enabled: v.enabled,
    };
    const done = () => {
      message.success('预警规则已保存');
      onClose();
    };
    if (rule) update.mutate({ id: rule.id, input: body }, { onSuccess: done, onError: (e) => onError(e, form) });
    else create.mutate({ ...body, topicId: v.topicId, kind: v.kind }, { onSuccess: done, onError: (e) => onError(e, form) });
  };

  return (
    <Modal
      open
      title={rule ? '修改预警规则' : '新建预警规则'}
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'alert-rule-submit' } as never}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          topicId: rule?.topicId,
          kind: rule?.kind ?? 'negative_spike',
          threshold: rule?.threshold ?? 3,
          windowMinutes: rule?.windowMinutes ?? 60,
          sourceIds: rule?.sourceIds ?? [],
          keywords: rule?.keywords ?? [],
          severity: rule?.severity ?? 'general',
          enabled: rule?.enabled ?? true,
        }}
      >
        <Form.Item label="监测专题" name="topicId" rules={[{ required: true, message: '请选择专题' }]} extra="预警发给该专题的接收人，并遵守其免打扰时段">
          <Select disabled={!!rule} showSearch={{ optionFilterProp: 'label' }} options={(topics.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))} data-testid="alert-rule-topic" />
        </Form.Item>
        <Form.Item label="规则类型" name="kind" extra={KIND_HELP[kind]}>
          <Select disabled={!!rule} options={ALERT_RULE_KINDS.map((k) => ({ value: k, label: ALERT_RULE_KIND_LABELS[k] }))} data-testid="alert-rule-kind" />
        </Form.Item>
        {kind === 'negative_spike' && (
          <Form.Item label="条件">
            <Form.Item name="windowMinutes" noStyle rules={[{ required: true, message: '请填写时间窗口' }]}>
              <InputNumber min={1} max={10080} precision={0} suffix="分钟内" style={{ width: 150 }} />
            </Form.Item>
            <span style={{ margin: '0 8px' }}>负面信息 ≥</span>
            <Form.Item name="threshold" noStyle rules={[{ required: true, message: '请填写条数阈值' }]}>
              <InputNumber min={1} max={100000} precision={0} suffix="条" style={{ width: 120 }} />
            </Form.Item>
          </Form.Item>
        )}
        {kind === 'watched_source' && (
          <Form.Item label="重点信源" name="sourceIds" rules={[{ required: true, type: 'array', min: 1, message: '请选择要重点关注的信源' }]}>
            <Select mode="multiple" optionFilterProp="label" options={(sources.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        {kind === 'title_keyword' && (
          <Form.Item label="标题关键词" name="keywords" rules={[{ required: true, type: 'array', min: 1, message: '请填写标题关键词' }]}>
            <Select mode="tags" tokenSeparators={[',', '，', ' ']} placeholder="输入后回车" />
          </Form.Item>
        )}
        <Form.Item label="预警等级" name="severity" extra="重大、特别重大预警不受免打扰时段限制">
          <Select options={GRADES.map((g) => ({ value: g, label: GRADE_LABELS[g] }))} />
        </Form.Item>
        <Form.Item label="启用" name="enabled" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
