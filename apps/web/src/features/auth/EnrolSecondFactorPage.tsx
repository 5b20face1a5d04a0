import { Alert, Button, Flex } from 'antd';
import { useNavigate } from 'react-router';
import { ERROR_MESSAGES } from '@xuanlian/contracts';
import { useLogout, useMe } from './api.ts';
import { AuthCard } from './AuthCard.tsx';
import { SecondFactorSetup } from './SecondFactorSetup.tsx';

/** Forced enrolment right after the password, when the security policy requires a second factor. */
export default function EnrolSecondFactorPage() {
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <AuthCard title="设置两步验证">
      {me.mustEnrolSecondFactor && (
        <Alert
          type="warning"
          showIcon
          title={ERROR_MESSAGES.SECOND_FACTOR_ENROLMENT_REQUIRED}
          description="按安全策略，您的账号须启用两步验证后才能继续使用。"
          style={{ marginBottom: 16 }}
          data-testid="second-factor-required"
        />
      )}
      <SecondFactorSetup username={me.username} onDone={() => navigate('/', { replace: true })} />
      <Flex justify="center" style={{ marginTop: 16 }}>
        <Button type="link" onClick={() => logout.mutate()} data-testid="second-factor-logout">
          退出登录
        </Button>
      </Flex>
    </AuthCard>
  );
}
