import { FileExcelOutlined, SafetyOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { useApiErrorHandler } from '../../shared/form/useApiErrorHandler.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { auditExportUrl, useAuditLogs, useVerifyAudit, type AuditFilters, type AuditPage } from './api.ts';
import { AuditFilterBar } from './AuditFilterBar.tsx';
import { AuditTable } from './AuditTable.tsx';
import { VerifyResult } from './VerifyResult.tsx';

export default function AuditLogsPage() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const [paging, setPaging] = useState<AuditPage>({ page: 1, pageSize: 50 });
  const logs = useAuditLogs(filters, paging);
  const verify = useVerifyAudit();
  const onError = useApiErrorHandler();

  return (
    <>
      <PageHeader
        title="审计日志"
        extra={
          <>
            <Button icon={<FileExcelOutlined />} href={auditExportUrl(filters)} download data-testid="audit-export">
              导出 Excel
            </Button>
            <Button icon={<SafetyOutlined />} loading={verify.isPending} onClick={() => verify.mutate(undefined, { onError: (e) => onError(e) })} data-testid="audit-verify">
              校验完整性
            </Button>
          </>
        }
      />
      {verify.data && (
        <div style={{ marginBottom: 16 }}>
          <VerifyResult result={verify.data} />
        </div>
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <AuditFilterBar
          onSearch={(f) => {
            setFilters(f);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
        />
      </Card>
      <Card size="small">
        <AuditTable
          items={logs.data?.items}
          total={logs.data?.total ?? 0}
          loading={logs.isFetching}
          page={paging.page}
          pageSize={paging.pageSize}
          emptyText={logs.isError ? errorMessage(logs.error) : undefined}
          onPage={(page, pageSize) => setPaging((p) => ({ page: pageSize === p.pageSize ? page : 1, pageSize }))}
        />
      </Card>
    </>
  );
}
