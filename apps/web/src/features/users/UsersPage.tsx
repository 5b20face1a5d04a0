import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS, type User, type UserStatus } from '@xuanlian/contracts';
import { errorMessage } from '../../shared/api/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useCan } from '../auth/api.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { useUsers, type UserFilters } from './api.ts';
import { UserActions } from './UserActions.tsx';
import { MaskedPhone } from './MaskedPhone.tsx';
import { UserFormDrawer } from './UserFormDrawer.tsx';
import { USER_STATUS_OPTIONS, UserStatusTags } from './UserStatusTags.tsx';

type DrawerState = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; user: User };

export default function UsersPage() {
  const can = useCan();
  const [filters, setFilters] = useState<UserFilters>({ page: 1, pageSize: 20 });
  const [drawer, setDrawer] = useState<DrawerState>({ mode: 'closed' });
  const users = useUsers(filters);
  // Any filter change starts again from page 1.
  const filter = (patch: Partial<UserFilters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));

  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'name' },
    { title: '所属单位', dataIndex: 'orgName', ellipsis: true, responsive: ['sm'] },
    { title: '手机号', key: 'phone', responsive: ['md'], render: (_v, u) => <MaskedPhone user={u} /> },
    {
      title: '角色',
      key: 'grants',
      responsive: ['md'],
      render: (_v, u) =>
        u.grants.length === 0 ? (
          <span style={{ color: 'rgba(0,0,0,.35)' }}>未授权</span>
        ) : (
          u.grants.map((g) => (
            <Tooltip key={`${g.role}@${g.orgId}`} title={`授权范围：${g.orgName}及下级单位`}>
              <Tag>
                {ROLE_LABELS[g.role]} · {g.orgName}
              </Tag>
            </Tooltip>
          ))
        ),
    },
    { title: '状态', key: 'status', render: (_v, u) => <UserStatusTags user={u} /> },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 150, responsive: ['lg'], render: (v: string | null) => formatDateTime(v) },
    {
      title: '操作',
      key: 'actions',
      // Pinned so that 启用/解锁 stay in reach when the table scrolls sideways on a phone.
      fixed: 'right',
      render: (_v, u) => <UserActions user={u} onEdit={(user) => setDrawer({ mode: 'edit', user })} />,
    },
  ];

  return (
    <>
      <PageHeader
        title="用户管理"
        extra={
          can('user.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ mode: 'create' })} data-testid="user-create">
              新建用户
            </Button>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap data-testid="user-filters">
          <div style={{ flex: '1 1 220px' }}>
            <OrgTreeSelect allowClear placeholder="全部单位（含下级）" value={filters.orgId} onChange={(orgId) => filter({ orgId })} aria-label="按单位筛选" data-testid="user-filter-org" />
          </div>
          <Input.Search
            allowClear
            placeholder="用户名、姓名或完整手机号"
            onSearch={(q) => filter({ q: q.trim() || undefined })}
            style={{ flex: '1 1 220px' }}
            aria-label="关键字"
            data-testid="user-filter-q"
          />
          <Select<UserStatus>
            allowClear
            placeholder="全部状态"
            options={USER_STATUS_OPTIONS}
            value={filters.status}
            onChange={(status) => filter({ status })}
            style={{ flex: '0 1 140px', minWidth: 120 }}
            aria-label="按状态筛选"
            data-testid="user-filter-status"
          />
        </Flex>
      </Card>
      <Card size="small">
        <Table<User>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users.data?.items}
          loading={users.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: users.isError ? errorMessage(users.error) : undefined }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: users.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (t) => `共 ${t} 人`,
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page: pageSize === f.pageSize ? page : 1, pageSize })),
          }}
          data-testid="user-table"
        />
      </Card>
      {drawer.mode !== 'closed' && <UserFormDrawer user={drawer.mode === 'edit' ? drawer.user : undefined} defaultOrgId={filters.orgId} onClose={() => setDrawer({ mode: 'closed' })} />}
    </>
  );
}
