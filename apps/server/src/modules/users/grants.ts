import type { GrantInput } from '@xuanlian/contracts';
import type { Executor } from '@xuanlian/db';
import { validationError } from '../../core/errors.ts';
import { pathInScope, type Scope } from '../../core/scope.ts';
import { findOrgsByIds } from '../orgs/index.ts';
import { assertSeparatedAdmins } from './users.policy.ts';

/** Grants may only name units inside the granting admin's own scope, and must respect 三员分立. */
export async function checkGrants(tx: Executor, scope: Scope, grants: GrantInput[]): Promise<void> {
  assertSeparatedAdmins(grants.map((g) => g.role));
  const orgRows = await findOrgsByIds(tx, [...new Set(grants.map((g) => g.orgId))]);
  const issues = grants.flatMap((g, i) => {
    const org = orgRows.find((o) => o.id === g.orgId);
    return org && pathInScope(scope, org.path) ? [] : [{ path: `grants.${i}.orgId`, message: '授权单位不存在或不在您的管理范围内' }];
  });
  if (issues.length > 0) throw validationError(issues);
}
