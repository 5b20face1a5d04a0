import { CheckCircleOutlined, CloudUploadOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { SaveState } from './useAutosave.ts';

/** 已自动保存 hh:mm:ss — so the reporter knows what a crash would cost. */
export function SaveStatus({ status }: { status: SaveState }) {
  const style = { fontSize: 13 };
  switch (status.state) {
    case 'idle':
      return (
        <Typography.Text type="secondary" style={style} data-testid="autosave-status" data-state="idle">
          <CloudUploadOutlined /> 修改会自动保存
        </Typography.Text>
      );
    case 'saving':
      return (
        <Typography.Text type="secondary" style={style} data-testid="autosave-status" data-state="saving">
          <CloudUploadOutlined /> 正在保存…
        </Typography.Text>
      );
    case 'saved':
      return (
        <Typography.Text type="success" style={style} data-testid="autosave-status" data-state="saved">
          <CheckCircleOutlined /> 已自动保存 {dayjs(status.at).format('HH:mm:ss')}
        </Typography.Text>
      );
    default:
      return (
        <Tooltip title={status.message}>
          <Typography.Text type="danger" style={style} data-testid="autosave-status" data-state={status.state}>
            <ExclamationCircleOutlined /> {status.state === 'conflict' ? '已暂停保存' : '保存失败，稍后自动重试'}
          </Typography.Text>
        </Tooltip>
      );
  }
}
