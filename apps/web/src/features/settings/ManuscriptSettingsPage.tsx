import { Card, Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useMe } from '../auth/api.ts';
import { CategoriesTab, LeadersTab, WordsTab } from '../dictionaries/index.ts';
import { RulesTab } from '../manuscripts/index.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { PoliciesTab } from '../reviews/index.ts';

/** 稿件设置: the editor's configuration of the manuscript flow, for the unit they pick (and below). */
export default function ManuscriptSettingsPage() {
  const me = useMe();
  // Entries set at the top of the editor's grant apply to every unit they look after.
  const top = me.roles.find((r) => r.role === 'editor')?.orgId ?? me.orgId;
  const [orgId, setOrgId] = useState(top);
  const [tab, setTab] = useState('policies');
  return (
    <>
      <PageHeader title="稿件设置" />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} align="center" wrap>
          <Typography.Text>适用单位</Typography.Text>
          <div style={{ flex: '0 1 320px', minWidth: 200 }}>
            <OrgTreeSelect value={orgId} onChange={(v) => setOrgId(v ?? top)} aria-label="适用单位" data-testid="settings-org" />
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            新增的条目对该单位及其下级单位生效；上级单位设置的条目在此只读
          </Typography.Text>
        </Flex>
      </Card>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          items={[
            { key: 'policies', label: '审核策略', children: <PoliciesTab orgId={orgId} /> },
            { key: 'words', label: '敏感词', children: <WordsTab orgId={orgId} /> },
            { key: 'leaders', label: '领导姓名职务', children: <LeadersTab orgId={orgId} /> },
            { key: 'categories', label: '栏目分类', children: <CategoriesTab orgId={orgId} /> },
            { key: 'rules', label: '报送规则', children: <RulesTab orgId={orgId} /> },
          ]}
        />
      </Card>
    </>
  );
}
