import { index, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { commissions } from './commissions.ts';
import { orgs } from './orgs.ts';

/** The units a commission asks; a unit answers with manuscripts linked to the commission. */
export const commissionTargets = pgTable(
  'commission_targets',
  {
    commissionId: uuid('commission_id')
      .notNull()
      .references(() => commissions.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
  },
  (t) => [primaryKey({ columns: [t.commissionId, t.orgId] }), index('commission_targets_org_idx').on(t.orgId)],
);
