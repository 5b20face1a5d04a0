import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Drawer, Empty, Result, Row } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/api/errors.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { PageSpin } from '../../shared/ui/PageSpin.tsx';
import { useIsMobile } from '../../shared/ui/useIsMobile.ts';
import { useCan } from '../auth/api.ts';
import { useOrgs } from './api.ts';
import { ImportModal } from './ImportModal.tsx';
import { OrgCreateModal } from './OrgCreateModal.tsx';
import { OrgPanel } from './OrgPanel.tsx';
import { OrgTreeView } from './OrgTreeView.tsx';

export default function OrgsPage() {
  const orgs = useOrgs();
  const can = useCan();
  const isMobile = useIsMobile();
  const [selectedId, setSelectedId] = useState<string>();
  const [createParent, setCreateParent] = useState<string | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const [panelOpen, setPanelOpen] = useState(false);

  const items = orgs.data ?? [];
  const selected = items.find((o) => o.id === selectedId);
  const parent = selected?.parentId ? items.find((o) => o.id === selected.parentId) : undefined;
  const canImport = can('org.manage') && can('user.manage');
  // Without a selection, new units go under the top of the actor's scope.
  const scopeRoot = items.find((o) => !items.some((p) => p.id === o.parentId));

  const header = (
    <PageHeader
      title="单位管理"
      extra={
        <>
          {canImport && (
            <Button icon={<ImportOutlined />} onClick={() => setImportOpen(true)} data-testid="org-import">
              导入
            </Button>
          )}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreateParent(selectedId ?? scopeRoot?.id ?? '')} data-testid="org-create">
            新建单位
          </Button>
        </>
      }
    />
  );

  if (orgs.isPending) return <PageSpin />;
  if (orgs.isError) return <Result status="error" title="单位加载失败" subTitle={errorMessage(orgs.error)} />;

  const panel = selected ? <OrgPanel key={selected.id} org={selected} parent={parent} onCreateChild={() => setCreateParent(selected.id)} /> : <Empty description="在左侧单位树中选择一个单位" />;

  return (
    <>
      {header}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10} xl={9}>
          <Card title="单位树" size="small">
            {items.length === 0 ? (
              <Empty description="暂无单位" />
            ) : (
              <OrgTreeView
                orgs={items}
                selectedId={selectedId}
                onSelect={(id) => {
                  setSelectedId(id);
                  setPanelOpen(true);
                }}
              />
            )}
          </Card>
        </Col>
        {!isMobile && (
          <Col xs={24} lg={14} xl={15}>
            <Card title="单位详情" size="small">
              {panel}
            </Card>
          </Col>
        )}
      </Row>
      {isMobile && (
        <Drawer open={panelOpen && !!selected} onClose={() => setPanelOpen(false)} size="100%" title="单位详情" placement="right">
          {panel}
        </Drawer>
      )}
      {/* Mounted per opening, so each time starts from a fresh form with the chosen parent. */}
      {createParent !== null && (
        <OrgCreateModal
          parentId={createParent || undefined}
          onClose={() => setCreateParent(null)}
          onCreated={(org) => {
            setCreateParent(null);
            setSelectedId(org.id);
          }}
        />
      )}
      <ImportModal open={importOpen} onClose={() => setImportOpen(false)} />
    </>
  );
}
