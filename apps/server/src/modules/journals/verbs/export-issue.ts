import type { Ctx } from '../../../core/context.ts';
import { requirePermission } from '../../../core/scope.ts';
import { bodyImageShas, imageLoader } from '../../manuscripts/index.ts';
import { journalDocx } from '../journal-docx.ts';
import { loadIssue } from './issues.ts';

/** 《政务信息》2026年第3期.docx; images only those the issue's copies show. */
export async function exportIssueDocx({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ body: Buffer; fileName: string }> {
  const issue = await loadIssue(ctx.db, requirePermission(ctx.actor, 'journal.manage'), id);
  const shas = new Set(issue.items.flatMap((i) => bodyImageShas(i.bodyHtml)));
  return { body: await journalDocx(issue, imageLoader(ctx, shas)), fileName: `《${issue.journalName}》${issue.label}.docx` };
}
