import { endorsements, type Executor } from '@xuanlian/db';
import { eq, sql, type SQL } from 'drizzle-orm';
import { orgIdFilter, type Scope } from '../../core/scope.ts';
import { queryRows } from '../../core/sql.ts';

export interface EndorsementView {
  id: string;
  manuscript_id: string;
  manuscript_title: string;
  org_id: string;
  org_name: string;
  leader_level: string;
  leader_name: string;
  endorsed_on: string;
  text: string;
  scan_sha256: string | null;
  scan_name: string | null;
  entered_by_name: string;
  created_at: Date | string;
}

const VIEW = sql`select e.id, e.manuscript_id, m.title as manuscript_title, e.org_id, o.name as org_name, e.leader_level, e.leader_name,
  e.endorsed_on::text as endorsed_on, e.text, e.scan_sha256, e.scan_name, e.entered_by_name, e.created_at
  from endorsements e join manuscripts m on m.id = e.manuscript_id join orgs o on o.id = e.org_id`;

export async function listEndorsementViews(db: Executor, scope: Scope, f: { orgPath?: string | undefined; manuscriptId?: string | undefined; id?: string }): Promise<EndorsementView[]> {
  const conds: SQL[] = [orgIdFilter(scope, sql`e.org_id`)];
  if (f.orgPath) conds.push(sql`o.path like ${`${f.orgPath}%`}`);
  if (f.manuscriptId) conds.push(sql`e.manuscript_id = ${f.manuscriptId}`);
  if (f.id) conds.push(sql`e.id = ${f.id}`);
  return queryRows<EndorsementView>(db, sql`${VIEW} where ${sql.join(conds, sql` and `)} order by e.endorsed_on desc, e.created_at desc limit 500`);
}

export async function insertEndorsement(tx: Executor, v: typeof endorsements.$inferInsert) {
  const row = (await tx.insert(endorsements).values(v).returning())[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function setScan(tx: Executor, id: string, sha256: string, name: string): Promise<void> {
  await tx.update(endorsements).set({ scanSha256: sha256, scanName: name }).where(eq(endorsements.id, id));
}
