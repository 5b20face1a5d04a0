import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, DatePicker, Form, Input, List, Modal, Typography, Upload } from 'antd';
import type { IngestOutcome, Source } from '@xuanlian/contracts';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { toIsoWithOffset } from '../../shared/format.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { useImportCsv, useManualEntry } from './api.ts';

function outcomeText(o: IngestOutcome): string {
  return `收到 ${o.received} 条，新入库 ${o.stored} 条，重复 ${o.duplicates} 条${o.errors.length ? `，${o.errors.length} 行有误` : ''}`;
}

interface EntryValues {
  url?: string;
  title: string;
  content?: string;
  author?: string;
  publishedAt?: Dayjs;
}

/** Someone saw it (a forum post, a WeChat article): paste the link and the text. */
export function ManualEntryModal({ source, onClose }: { source: Source; onClose: () => void }) {
  const [form] = Form.useForm<EntryValues>();
  const add = useManualEntry();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const submit = (v: EntryValues) =>
    add.mutate(
      {
        id: source.id,
        input: { url: v.url?.trim() || null, title: v.title, content: v.content ?? '', author: v.author?.trim() || null, publishedAt: v.publishedAt ? toIsoWithOffset(v.publishedAt) : null },
      },
      {
        onSuccess: (o) => {
          message.success(o.stored > 0 ? '已录入，正在分析专题和情感' : '这条信息已经存在，未重复录入');
          onClose();
        },
        onError: (e) => onError(e, form),
      },
    );
  return (
    <Modal
      open
      title={`人工录入：${source.name}`}
      okText="录入"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={add.isPending}
      okButtonProps={{ 'data-testid': 'entry-submit' } as never}
      destroyOnHidden
    >
      <Form<EntryValues> form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="链接（可不填）" name="url" rules={[{ type: 'url', message: '请填写 http:// 或 https:// 开头的网址' }]}>
          <Input placeholder="https://" />
        </Form.Item>
        <Form.Item
          label="标题"
          name="title"
          rules={[
            { required: true, message: '请填写标题' },
            { max: 300, message: '标题最多 300 个字' },
          ]}
        >
          <Input data-testid="entry-title" />
        </Form.Item>
        <Form.Item label="正文" name="content" rules={[{ max: 50_000, message: '正文最多 50000 个字' }]}>
          <Input.TextArea rows={6} data-testid="entry-content" />
        </Form.Item>
        <Form.Item label="作者（可不填）" name="author">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="发布时间（可不填）" name="publishedAt">
          <DatePicker showTime format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** CSV with the header 标题、链接、正文、作者、发布时间; rows with problems are listed, the rest go in. */
export function CsvImportModal({ source, onClose }: { source: Source; onClose: () => void }) {
  const upload = useImportCsv();
  const [outcome, setOutcome] = useState<IngestOutcome>();
  return (
    <Modal open title={`导入 CSV：${source.name}`} footer={null} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">第一行为表头：标题、链接、正文、作者、发布时间（UTF-8 或 GBK 编码均可）。</Typography.Paragraph>
      <Upload.Dragger
        accept=".csv,text/csv"
        showUploadList={false}
        disabled={upload.isPending}
        beforeUpload={(file) => {
          setOutcome(undefined);
          upload.mutate({ id: source.id, file }, { onSuccess: setOutcome });
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{upload.isPending ? '正在导入…' : '点击或拖入 .csv 文件'}</p>
      </Upload.Dragger>
      {upload.isError && <Alert style={{ marginTop: 12 }} type="error" showIcon title={errorMessage(upload.error)} />}
      {outcome && (
        <>
          <Alert style={{ marginTop: 12 }} type={outcome.errors.length ? 'warning' : 'success'} showIcon title={outcomeText(outcome)} data-testid="csv-outcome" />
          {outcome.errors.length > 0 && (
            <List
              size="small"
              dataSource={outcome.errors}
              renderItem={(e) => (
                <List.Item>
                  第 {e.row} 行：{e.message}
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Modal>
  );
}
