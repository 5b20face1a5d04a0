import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Permission } from '@xuanlian/contracts';
import { can, useMe } from '../features/auth/api.ts';

/** A typed-in URL the menu would not offer gets a 403 page, not a page of failing requests. */
export function RequirePermission({ anyOf, children }: { anyOf: readonly Permission[]; children: ReactNode }) {
  const me = useMe();
  if (can(me, anyOf)) return children;
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="您的角色没有访问此页面的权限"
      extra={
        <Link to="/">
          <Button type="primary">返回工作台</Button>
        </Link>
      }
    />
  );
}
