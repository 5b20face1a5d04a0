import { Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ROLE_LABELS } from '@xuanlian/contracts';
import { groupedNav, NAV_ITEMS } from '../../app/nav.tsx';
import { NAV_ICONS } from '../../app/navIcons.tsx';
import { greeting } from '../../shared/format.ts';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { can, useMe } from '../auth/api.ts';
import { TodoCard } from './TodoCard.tsx';

export default function HomePage() {
  const me = useMe();
  const areas = NAV_ITEMS.filter((i) => i.key !== 'home' && can(me, i.anyOf));

  return (
    <>
      <PageHeader title="工作台" />
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="home-greeting">
          {greeting()}，{me.name}
        </Typography.Title>
        <Typography.Paragraph type="secondary">所属单位：{me.orgName}</Typography.Paragraph>
        <Typography.Text strong>我的角色</Typography.Text>
        <div style={{ marginTop: 8 }} data-testid="home-roles">
          {me.roles.length === 0 ? (
            <Typography.Text type="secondary">暂未授予角色，请联系系统管理员</Typography.Text>
          ) : (
            <Space size={[8, 8]} wrap>
              {me.roles.map((r) => (
                <Tag key={`${r.role}@${r.orgId}`} color="blue">
                  {ROLE_LABELS[r.role]} · {r.orgName}
                </Tag>
              ))}
            </Space>
          )}
        </div>
      </Card>

      <TodoCard />

      {areas.length > 0 ? (
        <div data-testid="home-areas">
          {groupedNav(areas).map((g) => (
            <section key={g.key} style={{ marginBottom: 24 }}>
              <Typography.Title level={5} type="secondary" style={{ marginTop: 0 }}>
                {g.label}
              </Typography.Title>
              <Row gutter={[16, 16]}>
                {g.items.map((a) => (
                  <Col key={a.key} xs={24} sm={12} xl={6}>
                    <Link to={a.path} data-testid={`home-card-${a.key}`}>
                      <Card hoverable style={{ height: '100%' }}>
                        <Card.Meta avatar={<span style={{ fontSize: 24, color: '#1677ff' }}>{NAV_ICONS[a.key]}</span>} title={a.label} description={a.description} />
                      </Card>
                    </Link>
                  </Col>
                ))}
              </Row>
            </section>
          ))}
        </div>
      ) : (
        <Card>
          <Empty description="暂无可用的管理功能" />
        </Card>
      )}
    </>
  );
}
