import { lazy, type ReactNode } from 'react';
import type { Permission } from '@xuanlian/contracts';
import { can, useMe } from '../features/auth/api.ts';

// Its own chunk, like NotFound: antd's Result brings its 403/404/500 pictures wherever it is imported.
const Forbidden = lazy(() => import('./Forbidden.tsx'));

/** A typed-in URL the menu would not offer gets a 403 page, not a page of failing requests. */
export function RequirePermission({ anyOf, children }: { anyOf: readonly Permission[]; children: ReactNode }) {
  const me = useMe();
  if (can(me, anyOf)) return children;
  return <Forbidden />;
}
