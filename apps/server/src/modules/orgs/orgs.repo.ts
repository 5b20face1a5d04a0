import { orgs, type Executor } from '@xuanlian/db';
import { asc, eq, sql } from 'drizzle-orm';
import { pathFilter, type OrgRow, type Scope } from '../../core/scope.ts';

export type { OrgRow };

export async function listOrgsInScope(db: Executor, scope: Scope): Promise<OrgRow[]> {
  return db.select().from(orgs).where(pathFilter(scope, orgs.path)).orderBy(asc(orgs.depth), asc(orgs.sortOrder), asc(orgs.name));
}

export async function findOrgById(db: Executor, id: string): Promise<OrgRow | undefined> {
  const rows = await db.select().from(orgs).where(eq(orgs.id, id));
  return rows[0];
}

export async function findOrgByCode(db: Executor, code: string): Promise<OrgRow | undefined> {
  const rows = await db.select().from(orgs).where(eq(orgs.code, code));
  return rows[0];
}

export async function findOrgsByIds(db: Executor, ids: string[]): Promise<OrgRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(orgs)
    .where(sql`${orgs.id} in ${ids}`);
}

export interface NewOrg {
  id?: string;
  parent: Pick<OrgRow, 'id' | 'path' | 'depth'> | null;
  name: string;
  kind: string;
  code: string;
  sortOrder: number;
}

export async function insertOrg(tx: Executor, o: NewOrg): Promise<OrgRow> {
  const id = o.id ?? crypto.randomUUID();
  const rows = await tx
    .insert(orgs)
    .values({
      id,
      parentId: o.parent?.id ?? null,
      path: `${o.parent?.path ?? '/'}${id}/`,
      depth: o.parent ? o.parent.depth + 1 : 0,
      name: o.name,
      kind: o.kind,
      code: o.code,
      sortOrder: o.sortOrder,
    })
    .returning();
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateOrgFields(tx: Executor, id: string, fields: Partial<Pick<OrgRow, 'name' | 'kind' | 'sortOrder' | 'status'>>): Promise<OrgRow | undefined> {
  const rows = await tx
    .update(orgs)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(orgs.id, id))
    .returning();
  return rows[0];
}

/** Re-roots a whole subtree in one statement: every descendant's path and depth follow. */
export async function moveSubtree(tx: Executor, row: OrgRow, newParent: OrgRow): Promise<void> {
  const newPath = `${newParent.path}${row.id}/`;
  const depthDelta = newParent.depth + 1 - row.depth;
  await tx.execute(sql`
    update orgs set
      path = ${newPath} || substr(path, ${row.path.length + 1}),
      depth = depth + ${depthDelta},
      updated_at = now()
    where path like ${`${row.path}%`}`);
  await tx.update(orgs).set({ parentId: newParent.id }).where(eq(orgs.id, row.id));
}
