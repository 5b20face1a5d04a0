import { App, Form, Input, InputNumber, Modal, Radio, Switch } from 'antd';
import { SOURCE_KIND_LABELS, SOURCE_KINDS, type CreateSourceInput, type Source, type SourceKind } from '@xuanlian/contracts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { useCreateSource, useUpdateSource } from './api.ts';

interface Values {
  orgId: string;
  name: string;
  kind: SourceKind;
  url?: string;
  list?: string;
  title?: string;
  content?: string;
  date?: string;
  region?: string;
  intervalMinutes: number;
  enabled: boolean;
}

const KIND_HELP: Record<SourceKind, string> = {
  feed: 'RSS、Atom 或 JSON Feed 地址，RSSHub 的路由地址也可以',
  web: '列表页地址，用 CSS 选择器指出文章链接；不填正文选择器时自动提取正文',
  manual: '不抓取：由人工录入链接和正文，或导入 CSV',
};

const blank = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

/** Adds a source, or edits one (kind and unit are fixed once created). */
export function SourceFormModal({ source, defaultOrgId, onClose }: { source?: Source; defaultOrgId: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? source?.kind ?? 'feed';
  const create = useCreateSource();
  const update = useUpdateSource();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();

  const submit = (v: Values) => {
    const selectors = v.kind === 'web' ? { list: v.list ?? '', title: blank(v.title), content: blank(v.content), date: blank(v.date) } : null;
    const common = { name: v.name, url: v.kind === 'manual' ? null : blank(v.url), selectors, region: blank(v.region), intervalMinutes: v.intervalMinutes, enabled: v.enabled };
    const done = () => {
      message.success(source ? '信源已保存' : '信源已添加，稍后开始抓取');
      onClose();
    };
    // Server issues name `selectors.list`; the form keeps the selectors flat.
    const fail = (e: unknown) => onError(e, form);
    if (source) update.mutate({ id: source.id, input: common }, { onSuccess: done, onError: fail });
    else create.mutate({ ...common, orgId: v.orgId, kind: v.kind } satisfies CreateSourceInput, { onSuccess: done, onError: fail });
  };

  return (
    <Modal
      open
      title={source ? `修改信源：${source.name}` : '添加信源'}
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'source-form-submit' } as never}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          orgId: source?.orgId ?? defaultOrgId,
          name: source?.name,
          kind: source?.kind ?? 'feed',
          url: source?.url ?? undefined,
          list: source?.selectors?.list,
          title: source?.selectors?.title ?? undefined,
          content: source?.selectors?.content ?? undefined,
          date: source?.selectors?.date ?? undefined,
          region: source?.region ?? undefined,
          intervalMinutes: source?.intervalMinutes ?? 30,
          enabled: source?.enabled ?? true,
        }}
      >
        {!source && (
          <Form.Item label="所属单位" name="orgId" rules={[{ required: true, message: '请选择所属单位' }]}>
            <OrgTreeSelect data-testid="source-form-org" />
          </Form.Item>
        )}
        <Form.Item label="信源名称" name="name" rules={[{ required: true, min: 2, max: 60, message: '信源名称为 2–60 个字' }]}>
          <Input placeholder="如：江城日报 RSS" data-testid="source-form-name" />
        </Form.Item>
        <Form.Item label="类型" name="kind" extra={KIND_HELP[kind]}>
          <Radio.Group disabled={!!source} optionType="button" options={SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABELS[k] }))} data-testid="source-form-kind" />
        </Form.Item>
        {kind !== 'manual' && (
          <Form.Item
            label="地址"
            name="url"
            rules={[
              { required: true, message: '请填写地址' },
              { type: 'url', message: '请填写 http:// 或 https:// 开头的网址' },
            ]}
          >
            <Input placeholder="https://" data-testid="source-form-url" />
          </Form.Item>
        )}
        {kind === 'web' && (
          <>
            <Form.Item label="文章链接选择器（列表页）" name="list" rules={[{ required: true, message: '请填写列表页中文章链接的选择器' }]} extra="如 ul.news-list a">
              <Input data-testid="source-form-list" />
            </Form.Item>
            <Form.Item label="标题选择器（文章页，可不填）" name="title">
              <Input placeholder="如 h1.title" />
            </Form.Item>
            <Form.Item label="正文选择器（文章页，可不填）" name="content">
              <Input placeholder="如 div.article-content" />
            </Form.Item>
            <Form.Item label="发布时间选择器（文章页，可不填）" name="date">
              <Input placeholder="如 span.pubdate" />
            </Form.Item>
          </>
        )}
        <Form.Item label="地域（可不填）" name="region" extra="专题可按地域过滤">
          <Input placeholder="如：江城市" maxLength={30} />
        </Form.Item>
        {kind !== 'manual' && (
          <Form.Item label="抓取间隔" name="intervalMinutes" rules={[{ required: true, message: '请填写抓取间隔' }]}>
            <InputNumber min={5} max={1440} precision={0} suffix="分钟" style={{ width: 180 }} />
          </Form.Item>
        )}
        <Form.Item label="启用" name="enabled" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
