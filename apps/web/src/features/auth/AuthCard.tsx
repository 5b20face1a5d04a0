import { Card, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';

/** The centred card shared by the sign-in and change-password pages. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · 宣联 · 宣传工作管理平台`;
  }, [title]);
  return (
    <div className="xl-auth-bg">
      <div className="xl-auth-box">
        <div className="xl-auth-brand">
          <span className="xl-logo" aria-hidden>
            宣
          </span>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              宣联
            </Typography.Title>
            <Typography.Text type="secondary">宣传工作管理平台</Typography.Text>
          </div>
        </div>
        <Card title={title}>{children}</Card>
      </div>
    </div>
  );
}
