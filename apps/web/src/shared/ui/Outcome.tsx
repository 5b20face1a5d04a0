import { CheckCircleFilled, CloseCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import { Flex } from 'antd';
import type { ReactNode } from 'react';

const ICONS = {
  success: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  error: <CloseCircleFilled style={{ color: '#ff4d4f' }} />,
  info: <InfoCircleFilled style={{ color: '#1677ff' }} />,
};

interface Props {
  status: keyof typeof ICONS;
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
  'data-testid'?: string;
}

/**
 * The end of a flow or an error screen, laid out like antd's Result. Result imports its 403/404/500
 * illustrations whatever the status, so the shell and the phone page use this instead.
 */
export function Outcome({ status, title, subTitle, extra, 'data-testid': testId }: Props) {
  return (
    <div className="xl-outcome" role={status === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <div className="xl-outcome-icon">{ICONS[status]}</div>
      <div className="xl-outcome-title">{title}</div>
      {subTitle && <div className="xl-outcome-subtitle">{subTitle}</div>}
      {extra && (
        <Flex justify="center" gap={8} wrap className="xl-outcome-extra">
          {extra}
        </Flex>
      )}
    </div>
  );
}
