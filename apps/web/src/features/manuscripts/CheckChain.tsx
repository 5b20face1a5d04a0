import type { CheckResult } from '@xuanlian/contracts';
import { Steps, Typography } from 'antd';

/** The review chain a submit would start, under the manuscript page's check (the phone page words it in one line). */
export function CheckChain({ chain }: { chain: CheckResult['chain'] }) {
  if (chain.length === 0) return null;
  return (
    <>
      <Typography.Text strong style={{ display: 'block', margin: '12px 0 8px' }}>
        报送后的审核流程
      </Typography.Text>
      <Steps
        orientation="vertical"
        size="small"
        current={-1}
        data-testid="check-chain"
        items={chain.map((s) => ({
          title: s.name + (s.mode === 'all' ? '（会签）' : ''),
          status: s.candidates.length > 0 ? 'wait' : 'error',
          content: s.candidates.length > 0 ? `${s.orgName ?? ''}：${s.candidates.map((c) => c.name).join('、')}` : '找不到审核人',
        }))}
      />
    </>
  );
}
