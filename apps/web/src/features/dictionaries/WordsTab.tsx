import { PlusOutlined } from '@ant-design/icons';
import { WORD_LEVEL_LABELS, WORD_LEVELS, type SensitiveWord } from '@xuanlian/contracts';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { useDictionary, useDictionaryMutations } from './api.ts';
import { OwnerTag } from './OwnerTag.tsx';

type Values = Pick<SensitiveWord, 'word' | 'level' | 'category' | 'note'> & { suggestion?: string };

/** 敏感词: 禁用 words block a submission, 提示 words only warn; both are highlighted in the editor. */
export function WordsTab({ orgId }: { orgId: string }) {
  const { message } = App.useApp();
  const words = useDictionary('words', orgId);
  const { create, update, remove } = useDictionaryMutations('words');
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<SensitiveWord | 'new' | null>(null);
  const save = (v: Values) => {
    const input = { ...v, suggestion: v.suggestion?.trim() || null };
    const done = { onSuccess: () => setEditing(null), onError: (e: unknown) => onError(e, form) };
    if (editing === 'new') create.mutate({ ...input, orgId }, done);
    else if (editing) update.mutate({ id: editing.id, input }, done);
  };
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setEditing('new')} data-testid="word-create">
        添加词语
      </Button>
      <Table<SensitiveWord>
        rowKey="id"
        size="small"
        dataSource={words.data}
        loading={words.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 条` }}
        data-testid="word-table"
        columns={[
          { title: '词语', dataIndex: 'word' },
          { title: '级别', dataIndex: 'level', render: (l: SensitiveWord['level']) => <Tag color={l === 'blocking' ? 'red' : 'orange'}>{WORD_LEVEL_LABELS[l]}</Tag> },
          { title: '类别', dataIndex: 'category' },
          { title: '说明', dataIndex: 'note', responsive: ['md'] },
          { title: '建议改为', dataIndex: 'suggestion', responsive: ['md'], render: (v: string | null) => v ?? '—' },
          { title: '设置单位', key: 'owner', responsive: ['lg'], render: (_v, w) => <OwnerTag orgName={w.orgName} editable={w.editable} /> },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_v, w) =>
              w.editable && (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing(w)}>
                    编辑
                  </Button>
                  <Popconfirm title={`删除“${w.word}”？`} okText="删除" cancelText="取消" onConfirm={() => remove.mutate(w.id, { onError: (e) => message.error(errorMessage(e)) })}>
                    <Button type="link" size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        title={editing === 'new' ? '添加词语' : '编辑词语'}
        open={editing !== null}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText="保存"
        cancelText="取消"
        okButtonProps={{ loading: create.isPending || update.isPending, 'data-testid': 'word-submit' }}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={editing && editing !== 'new' ? { ...editing, suggestion: editing.suggestion ?? '' } : { level: 'blocking', category: '敏感词', note: '' }}
          onFinish={save}
        >
          <Form.Item name="word" label="词语" rules={[{ required: true, whitespace: true, message: '请填写词语' }, { max: 40 }]}>
            <Input data-testid="word-word" />
          </Form.Item>
          <Form.Item name="level" label="级别" rules={[{ required: true }]}>
            <Select options={WORD_LEVELS.map((l) => ({ value: l, label: WORD_LEVEL_LABELS[l] }))} data-testid="word-level" />
          </Form.Item>
          <Form.Item name="category" label="类别" rules={[{ max: 20 }]}>
            <Input placeholder="如：政治敏感、不规范表述、极限用语" />
          </Form.Item>
          <Form.Item name="note" label="说明（检查时显示给报送人）" rules={[{ max: 200 }]}>
            <Input data-testid="word-note" />
          </Form.Item>
          <Form.Item name="suggestion" label="建议改为" rules={[{ max: 40 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
