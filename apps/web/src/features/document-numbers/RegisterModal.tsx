import { DOCUMENT_KIND_LABELS, type DocumentKind, type UpdateDocumentRegisterInput } from '@xuanlian/contracts';
import { Alert, App, Form, Input, Modal, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { useDocumentNumbers, useDocumentRegister, useSaveDocumentRegister } from './api.ts';

/**
 * 发文设置 of one office for one kind of document — the red masthead, 代字, 抄送 and 印发机关 its
 * documents print — and its 发文登记簿 (numbers issued this year). Numbers are given at 定稿.
 */
export function RegisterModal({ orgId, kind, open, onClose }: { orgId: string; kind: DocumentKind; open: boolean; onClose: () => void }) {
  const register = useDocumentRegister(open ? orgId : null, kind);
  const [year] = useState(() => new Date().getFullYear());
  const numbers = useDocumentNumbers(open ? orgId : null, kind, year);
  const save = useSaveDocumentRegister(orgId, kind);
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [form] = Form.useForm<UpdateDocumentRegisterInput>();
  const r = register.data;
  const label = DOCUMENT_KIND_LABELS[kind];
  return (
    <Modal
      title={`${label}发文设置${r ? ` · ${r.orgName}` : ''}`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      cancelText="关闭"
      okButtonProps={{ loading: save.isPending, 'data-testid': 'register-save' }}
      width={640}
      destroyOnHidden
    >
      {register.isError && <Alert type="error" showIcon title={errorMessage(register.error)} />}
      {r && (
        <Tabs
          items={[
            {
              key: 'settings',
              label: '版头与版记',
              children: (
                <>
                  {!r.configured && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="尚未设置，当前按单位名称生成默认版头；请按本单位红头文件核对后保存。" />}
                  <Form
                    key={r.updatedAt ?? 'default'}
                    form={form}
                    layout="vertical"
                    initialValues={{ masthead: r.masthead, code: r.code, copyTo: r.copyTo, printedBy: r.printedBy }}
                    onFinish={(v) => save.mutate(v, { onSuccess: () => message.success('发文设置已保存'), onError: (e) => onError(e, form) })}
                  >
                    <Form.Item
                      name="masthead"
                      label="发文机关标志（红色版头）"
                      extra="如：中共江城市委宣传部文件；署名默认取其中“文件”前的机关名称。"
                      rules={[{ required: true, message: '请填写发文机关标志' }]}
                    >
                      <Input data-testid="register-masthead" maxLength={30} />
                    </Form.Item>
                    <Form.Item name="code" label="发文机关代字" extra={`只填代字，年份和序号由系统编排。本年下一个文号：${r.nextNumber}`} rules={[{ required: true, message: '请填写发文机关代字' }]}>
                      <Input data-testid="register-code" maxLength={10} style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item name="copyTo" label="抄送机关（版记）" extra="多个机关用逗号或顿号分隔；不抄送则留空。">
                      <Input maxLength={200} />
                    </Form.Item>
                    <Form.Item name="printedBy" label="印发机关（版记）" rules={[{ required: true, message: '请填写印发机关' }]}>
                      <Input maxLength={30} />
                    </Form.Item>
                  </Form>
                </>
              ),
            },
            {
              key: 'book',
              label: `${year}年发文登记`,
              children: (
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  loading={numbers.isFetching}
                  dataSource={numbers.data}
                  locale={{ emptyText: numbers.isError ? errorMessage(numbers.error) : `本年尚未印发${label}` }}
                  columns={[
                    { title: '发文字号', dataIndex: 'number', width: 150 },
                    { title: '标题', dataIndex: 'title', render: (t: string) => <Typography.Text ellipsis={{ tooltip: t }}>{t}</Typography.Text> },
                    { title: '编号时间', dataIndex: 'createdAt', width: 150, render: (d: string) => formatDateTime(d) },
                    { title: '定稿人', dataIndex: 'assignedByName', width: 90 },
                  ]}
                />
              ),
            },
          ]}
        />
      )}
    </Modal>
  );
}
