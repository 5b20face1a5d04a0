import { NotificationSettings } from '@xuanlian/contracts';
import { App, Button, Card, Form, Input, InputNumber } from 'antd';
import { useEffect } from 'react';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { zodRule } from '../../shared/form/zodRule.ts';
import { useNotificationSettings, useSaveNotificationSettings } from './api.ts';

/** 提醒设置: the monthly submission day, how early tasks are reminded, the address used in links. */
export function ReminderSettings() {
  const settings = useNotificationSettings();
  const save = useSaveNotificationSettings();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [form] = Form.useForm<NotificationSettings>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  return (
    <Card size="small" title="定时提醒">
      <Form form={form} layout="inline" onFinish={(v) => save.mutate({ ...v, siteUrl: v.siteUrl ?? '' }, { onSuccess: () => message.success('提醒设置已保存'), onError: (e) => onError(e, form) })}>
        <Form.Item name="submissionReminderDay" label="每月报送提醒日" rules={[zodRule(NotificationSettings.shape.submissionReminderDay)]}>
          <InputNumber min={1} max={28} addonAfter="日" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="statisticsDeadlineDay" label="每月统计截止日" rules={[zodRule(NotificationSettings.shape.statisticsDeadlineDay)]}>
          <InputNumber min={1} max={28} addonAfter="日" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="taskDueDays" label="任务到期提前" rules={[zodRule(NotificationSettings.shape.taskDueDays)]}>
          <InputNumber min={1} max={30} addonAfter="天" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="siteUrl" label="系统访问地址" rules={[zodRule(NotificationSettings.shape.siteUrl)]}>
          <Input placeholder="https://xuanlian.example.gov.cn（消息和公开订阅源中的链接）" style={{ width: 320 }} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={save.isPending}>
            保存
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
