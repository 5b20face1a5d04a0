import { App, Button, Drawer, Flex, Form, Input, Select, Switch, Typography } from 'antd';
import type { CreateTopicInput, Topic } from '@xuanlian/contracts';
import { useMemo } from 'react';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { useIsMobile } from '../../shared/ui/useIsMobile.ts';
import { useMe } from '../auth/api.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { useCreateTopic, useSourceOptions, useUpdateTopic } from './api.ts';
import { RULE_HELP, RuleEditor, ruleIssues } from './RuleEditor.tsx';

interface Values {
  orgId: string;
  name: string;
  rule: string;
  sourceIds: string[];
  regions: string[];
  enabled: boolean;
  recipientIds: string[];
  quietStart?: string;
  quietEnd?: string;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function TopicFormDrawer({ topic, defaultOrgId, onClose }: { topic?: Topic; defaultOrgId: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const me = useMe();
  const sources = useSourceOptions();
  const create = useCreateTopic();
  const update = useUpdateTopic();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const sourceIds = Form.useWatch('sourceIds', form) ?? topic?.sourceIds ?? [];
  const regions = Form.useWatch('regions', form) ?? topic?.regions ?? [];
  const saveError = create.error ?? update.error;

  // Recipients: whoever the topic already routes to, plus oneself (the monitor may not list users).
  const recipientOptions = useMemo(() => {
    const people = new Map<string, string>((topic?.recipients ?? []).map((r) => [r.id, r.name]));
    people.set(me.id, `${me.name}（本人）`);
    return [...people].map(([value, label]) => ({ value, label }));
  }, [topic, me]);

  const submit = (v: Values) => {
    const quietHours = v.quietStart && v.quietEnd ? { start: v.quietStart, end: v.quietEnd } : null;
    const body = { name: v.name, rule: v.rule, sourceIds: v.sourceIds, regions: v.regions, enabled: v.enabled, recipientIds: v.recipientIds, quietHours };
    const done = () => {
      message.success(topic ? '专题已保存' : '专题已创建，新抓取的信息将按规则归入');
      onClose();
    };
    const fail = (e: unknown) => (ruleIssues(e).length ? undefined : onError(e, form));
    if (topic) update.mutate({ id: topic.id, input: body }, { onSuccess: done, onError: fail });
    else create.mutate({ ...body, orgId: v.orgId } satisfies CreateTopicInput, { onSuccess: done, onError: fail });
  };

  return (
    <Drawer
      open
      title={topic ? `修改专题：${topic.name}` : '新建监测专题'}
      size={isMobile ? '100%' : 640}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Button type="primary" onClick={() => form.submit()} loading={create.isPending || update.isPending} data-testid="topic-form-submit">
          保存
        </Button>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          orgId: topic?.orgId ?? defaultOrgId,
          name: topic?.name,
          rule: topic?.rule ?? '',
          sourceIds: topic?.sourceIds ?? [],
          regions: topic?.regions ?? [],
          enabled: topic?.enabled ?? true,
          recipientIds: topic ? topic.recipients.map((r) => r.id) : [me.id],
          quietStart: topic?.quietHours?.start,
          quietEnd: topic?.quietHours?.end,
        }}
      >
        {!topic && (
          <Form.Item label="负责单位" name="orgId" rules={[{ required: true, message: '请选择负责单位' }]}>
            <OrgTreeSelect data-testid="topic-form-org" />
          </Form.Item>
        )}
        <Form.Item label="专题名称" name="name" rules={[{ required: true, min: 2, max: 60, message: '专题名称为 2–60 个字' }]}>
          <Input placeholder="如：人大代表+投诉" data-testid="topic-form-name" />
        </Form.Item>
        <Form.Item label="关键词规则" name="rule" extra={RULE_HELP} rules={[{ required: true, whitespace: true, message: '请填写关键词规则' }]}>
          <RuleEditor sourceIds={sourceIds} regions={regions} saveError={saveError} />
        </Form.Item>
        <Form.Item label="只看这些信源（不选为全部）" name="sourceIds">
          <Select mode="multiple" allowClear loading={sources.isLoading} optionFilterProp="label" options={(sources.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item label="只看这些地域（不填为不限）" name="regions" extra="按信源地域或正文中出现的地名">
          <Select mode="tags" allowClear tokenSeparators={[',', '，', ' ']} placeholder="输入地名后回车" />
        </Form.Item>
        <Form.Item label="预警接收人" name="recipientIds">
          <Select mode="multiple" options={recipientOptions} />
        </Form.Item>
        <Form.Item label="免打扰时段（可不填）" extra="该时段内的一般、较大预警暂存，时段结束后送达；重大、特别重大预警立即送达">
          <Flex gap={8} align="center">
            <Form.Item name="quietStart" noStyle rules={[{ pattern: HHMM, message: '时间格式应为 HH:mm，如 22:00' }]}>
              <Input placeholder="22:00" style={{ width: 100 }} />
            </Form.Item>
            <Typography.Text>至</Typography.Text>
            <Form.Item name="quietEnd" noStyle rules={[{ pattern: HHMM, message: '时间格式应为 HH:mm，如 07:00' }]}>
              <Input placeholder="07:00" style={{ width: 100 }} />
            </Form.Item>
          </Flex>
        </Form.Item>
        <Form.Item label="启用" name="enabled" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
