import { Alert, Button, Card, Descriptions, Result } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { PageSpin } from '../../shared/ui/PageSpin.tsx';
import { useMe, useSecondFactorStatus } from './api.ts';
import { SecondFactorSetup } from './SecondFactorSetup.tsx';

/** 账号安全: one's own second factor (enrol, see how many recovery codes are left). */
export default function AccountSecurityPage() {
  const me = useMe();
  const status = useSecondFactorStatus();
  const [setting, setSetting] = useState(false);

  let body;
  if (status.isPending) body = <PageSpin />;
  else if (status.isError) body = <Result status="error" title="无法加载" subTitle={errorMessage(status.error)} />;
  else if (setting) body = <SecondFactorSetup username={me.username} onDone={() => setSetting(false)} />;
  else if (status.data.enabled) {
    body = (
      <>
        <Descriptions column={1} size="small" data-testid="second-factor-status">
          <Descriptions.Item label="状态">已启用</Descriptions.Item>
          <Descriptions.Item label="启用时间">{formatDateTime(status.data.enabledAt)}</Descriptions.Item>
          <Descriptions.Item label="剩余恢复码">{status.data.recoveryCodesLeft} 个</Descriptions.Item>
        </Descriptions>
        {status.data.recoveryCodesLeft <= 3 && <Alert type="warning" showIcon title="恢复码所剩不多：如需重新设置，请联系安全管理员重置两步验证" style={{ marginTop: 12 }} />}
        <Alert type="info" showIcon title="更换手机或验证器时，请联系安全管理员重置两步验证后重新设置" style={{ marginTop: 12 }} />
      </>
    );
  } else {
    body = (
      <>
        <Alert
          type={status.data.required ? 'warning' : 'info'}
          showIcon
          title={status.data.required ? '按安全策略，您的账号须启用两步验证' : '尚未启用两步验证'}
          style={{ marginBottom: 16 }}
          data-testid="second-factor-status"
        />
        <Button type="primary" onClick={() => setSetting(true)} data-testid="second-factor-enable">
          启用两步验证
        </Button>
      </>
    );
  }
  return (
    <>
      <PageHeader title="账号安全" />
      <Card title="两步验证" size="small" style={{ maxWidth: 720 }}>
        {body}
      </Card>
    </>
  );
}
