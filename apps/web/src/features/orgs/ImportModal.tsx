import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Result, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportResult, ImportRowError } from '@xuanlian/contracts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { IMPORT_TEMPLATE_URL, useImport } from './api.ts';

const MAX_BYTES = 10 * 1024 * 1024;

function ImportOutcome({ result }: { result: ImportResult }) {
  if (result.ok) {
    return (
      <Result status="success" title="导入成功" subTitle={`新建单位 ${result.orgsCreated} 个，新建用户 ${result.usersCreated} 个（新用户需安全管理员启用后才能登录）`} data-testid="import-success" />
    );
  }
  return (
    <div data-testid="import-errors">
      <Alert type="error" showIcon title={`发现 ${result.errors.length} 处问题，本次未导入任何数据`} description="请按下表修改 Excel 后重新上传。" style={{ marginBottom: 12 }} />
      <Table<ImportRowError>
        size="small"
        rowKey={(r) => `${r.sheet}-${r.row}-${r.message}`}
        dataSource={result.errors}
        pagination={result.errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
        columns={[
          { title: '工作表', dataIndex: 'sheet', width: 80 },
          { title: '行号', dataIndex: 'row', width: 64 },
          { title: '问题', dataIndex: 'message' },
        ]}
        data-testid="import-errors-table"
      />
    </div>
  );
}

export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [tooBig, setTooBig] = useState(false);
  const importMutation = useImport();
  const onError = useApiErrorHandler();

  const close = () => {
    setFile(null);
    setTooBig(false);
    importMutation.reset();
    onClose();
  };

  return (
    <Modal
      title="批量导入单位和用户"
      open={open}
      onCancel={close}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={close}>
          关闭
        </Button>,
        <Button
          key="start"
          type="primary"
          disabled={!file}
          loading={importMutation.isPending}
          onClick={() => file && importMutation.mutate(file, { onError: (e) => onError(e) })}
          data-testid="import-submit"
        >
          开始导入
        </Button>,
      ]}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>1. 下载模板，在「单位」「用户」两个工作表中填写；2. 上传填好的 .xlsx 文件。任何一行有误时整批不导入。</Typography.Paragraph>
        <Button icon={<DownloadOutlined />} href={IMPORT_TEMPLATE_URL} download data-testid="import-template">
          下载导入模板
        </Button>
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          multiple={false}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          beforeUpload={(f) => {
            const big = f.size > MAX_BYTES;
            setTooBig(big);
            setFile(big ? null : f);
            importMutation.reset();
            return false; // upload on 开始导入, through the API client (errors in 中文)
          }}
          onRemove={() => {
            setFile(null);
            importMutation.reset();
          }}
          data-testid="import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖拽 Excel 文件到此处</p>
          <p className="ant-upload-hint">仅支持 .xlsx，不超过 10 MB</p>
        </Upload.Dragger>
        {tooBig && <Alert type="error" title="文件超过 10 MB，请拆分后分批导入" />}
        {importMutation.data && <ImportOutcome result={importMutation.data} />}
      </Space>
    </Modal>
  );
}
