import { Alert } from 'antd';
import type { AuditVerifyOutput } from '@xuanlian/contracts';

export function VerifyResult({ result }: { result: AuditVerifyOutput }) {
  return result.ok ? (
    <Alert type="success" showIcon title={`完整性校验通过：共校验 ${result.checked} 条记录，未发现篡改`} description={result.message} data-testid="audit-verify-result" data-ok="true" closable />
  ) : (
    <Alert
      type="error"
      showIcon
      title={`完整性校验未通过${result.firstBrokenId !== null ? `：第一条异常记录编号 #${result.firstBrokenId}` : ''}`}
      description={
        // Each finding on its own line: truncation, a forged checkpoint and an edited row can all show at once.
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {result.findings.map((f, i) => (
            <li key={i}>{f.message}</li>
          ))}
          <li>已校验 {result.checked} 条</li>
        </ul>
      }
      data-testid="audit-verify-result"
      data-ok="false"
    />
  );
}
