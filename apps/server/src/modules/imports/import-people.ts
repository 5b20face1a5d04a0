import type { ImportResult, ImportRowError } from '@xuanlian/contracts';
import { writeAudit } from '../../core/audit/audit.ts';
import { afterCommit } from '../../core/cache.ts';
import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { hashPassword } from '../../core/passwords.ts';
import { pathInScope, requirePermission, scopeFor } from '../../core/scope.ts';
import { findOrgByCode, insertOrg, type OrgRow } from '../orgs/index.ts';
import { currentPolicy, passwordProblem } from '../security/index.ts';
import { insertUserInTx } from '../users/index.ts';
import { ORG_SHEET, USER_SHEET } from './template.ts';
import { parseUntrusted } from '../../core/files/index.ts';
import type { ParsedWorkbook } from './parse.ts';

class Rollback extends Error {}

/**
 * Imports units and users from the template, all or nothing: every row is checked, every problem
 * is reported with its sheet and row, and if there is any, the transaction is rolled back.
 */
export async function importPeople({ ctx, file }: { ctx: Ctx; file: Buffer }): Promise<ImportResult> {
  const userScope = requirePermission(ctx.actor, 'user.manage');
  // exceljs runs in the parser worker, after the archive checks: a bomb cannot stall the server.
  const parsed = await parseUntrusted<ParsedWorkbook>({
    kind: 'xlsx',
    module: new URL('./parse.ts', import.meta.url).href,
    fn: 'parseImportWorkbook',
    bytes: file,
    unreadable: '文件不是有效的 Excel（.xlsx）文件，请使用下载的模板',
  });
  const errors: ImportRowError[] = [...parsed.errors];
  const orgScope = parsed.orgs.length > 0 ? requirePermission(ctx.actor, 'org.manage') : scopeFor(ctx.actor, 'org.manage');

  const policy = await currentPolicy(ctx.db);
  const hashes = new Map<number, string>();
  for (const u of parsed.users) {
    const problem = passwordProblem(u.password, policy, u.username);
    if (problem) errors.push({ sheet: USER_SHEET, row: u.row, message: `初始密码不符合要求：${problem}` });
    else hashes.set(u.row, await hashPassword(u.password));
  }
  const seen = { codes: new Set<string>(), usernames: new Set<string>() };
  for (const o of parsed.orgs) {
    if (seen.codes.has(o.code)) errors.push({ sheet: ORG_SHEET, row: o.row, message: `单位编码“${o.code}”在表中重复` });
    seen.codes.add(o.code);
  }
  for (const u of parsed.users) {
    if (seen.usernames.has(u.username)) errors.push({ sheet: USER_SHEET, row: u.row, message: `用户名“${u.username}”在表中重复` });
    seen.usernames.add(u.username);
  }

  let orgsCreated = 0;
  let usersCreated = 0;
  try {
    await afterCommit(ctx.db, () =>
      ctx.db.transaction(async (tx) => {
        const byCode = new Map<string, OrgRow>();
        const orgOf = async (code: string) => byCode.get(code) ?? (await findOrgByCode(tx, code));
        for (const o of parsed.orgs) {
          if (await findOrgByCode(tx, o.code)) {
            errors.push({ sheet: ORG_SHEET, row: o.row, message: `单位编码“${o.code}”已存在` });
            continue;
          }
          const parent = await orgOf(o.parentCode);
          if (!parent || !pathInScope(orgScope, parent.path)) {
            errors.push({ sheet: ORG_SHEET, row: o.row, message: `上级单位编码“${o.parentCode}”不存在或不在您的管理范围内（须为已有单位或本表前面的行）` });
            continue;
          }
          const row = await insertOrg(tx, { parent, name: o.name, kind: o.kind, code: o.code, sortOrder: o.sortOrder });
          byCode.set(o.code, row);
          orgsCreated++;
        }
        for (const u of parsed.users) {
          const hash = hashes.get(u.row);
          const org = await orgOf(u.orgCode);
          const grantOrg = await orgOf(u.grantOrgCode);
          if (!org || !grantOrg) {
            errors.push({ sheet: USER_SHEET, row: u.row, message: `单位编码“${!org ? u.orgCode : u.grantOrgCode}”不存在` });
            continue;
          }
          if (!hash) continue;
          try {
            await insertUserInTx(
              tx,
              ctx,
              userScope,
              {
                username: u.username,
                name: u.name,
                phone: u.phone,
                email: u.email,
                orgId: org.id,
                initialPassword: u.password,
                grants: u.roles.map((role) => ({ role, orgId: grantOrg.id })),
              },
              hash,
            );
            usersCreated++;
          } catch (err) {
            if (!(err instanceof AppError)) throw err;
            const details = Array.isArray(err.details) ? (err.details as Array<{ message?: string }>) : [];
            const msg = details.length > 0 ? details.map((d) => d.message).join('；') : err.message;
            errors.push({ sheet: USER_SHEET, row: u.row, message: msg });
          }
        }
        if (errors.length > 0) throw new Rollback();
        await writeAudit(tx, ctx, {
          action: parsed.orgs.length > 0 ? 'org.import' : 'user.import',
          targetType: 'import',
          after: { orgsCreated, usersCreated },
        });
      }),
    );
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
    errors.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === ORG_SHEET ? -1 : 1));
    return { ok: false, orgsCreated: 0, usersCreated: 0, errors };
  }
  return { ok: true, orgsCreated, usersCreated, errors: [] };
}
