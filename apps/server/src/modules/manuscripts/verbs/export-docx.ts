import type { Ctx } from '../../../core/context.ts';
import { chineseDate } from '../../../core/china-time/index.ts';
import { readStoredFile } from '../../../core/files/index.ts';
import { bodyToDocx, metaParagraph, titleParagraph, writeDocx, type LoadImage } from '../docx/export-docx.ts';
import { linkedShas } from '../files.repo.ts';
import { requireReader } from '../manuscripts.policy.ts';
import { authorsOf } from '../manuscripts.presenter.ts';
import { loadReadable } from './get-manuscript.ts';

/** Reads a stored image for a document, only if the manuscript uses it. */
export function imageLoader(ctx: Ctx, allowed: ReadonlySet<string>): LoadImage {
  return async (sha) => {
    if (!allowed.has(sha)) return null;
    try {
      return await readStoredFile(ctx.files, sha);
    } catch {
      return null;
    }
  };
}

/** The file name seed 004 asks for: 单位-YYYY年M月D日工作信息. */
export function exportName(orgName: string, at: Date): string {
  return `${orgName}-${chineseDate(at)}工作信息`;
}

/** The manuscript back to Word, with its photos, captions and tables. */
export async function exportManuscriptDocx({ ctx, id }: { ctx: Ctx; id: string }): Promise<{ body: Buffer; fileName: string }> {
  const m = await loadReadable(ctx.db, requireReader(ctx.actor), id);
  const authors = authorsOf(m)
    .map((a) => a.name)
    .join('、');
  const at = m.submittedAt ?? m.createdAt;
  const children = [
    titleParagraph(m.title),
    metaParagraph(`报送单位：${m.orgName}　　信息员：${m.reporterName}${authors ? `　　作者：${authors}` : ''}　　${chineseDate(at)}`),
    ...(await bodyToDocx(m.bodyHtml, imageLoader(ctx, await linkedShas(ctx.db, m.id)))),
  ];
  return { body: await writeDocx(children, { title: m.title, creator: m.reporterName }), fileName: `${exportName(m.orgName, at)}.docx` };
}
