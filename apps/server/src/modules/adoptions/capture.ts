import { writeAudit } from '../../core/audit/audit.ts';
import { systemCtx, type Services } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { MIME, recordFile } from '../../core/files/index.ts';
import { findAdoptionRow, setCapturedEvidence } from './adoptions.repo.ts';
import { currentAddressPolicy, FetchError, safeFetch, systemResolver, type Resolver } from '../../core/net/index.ts';

export const CAPTURE_PAGE_JOB = 'adoptions.capture-page';

/** What a saved page may be: the article itself, or the PDF / image an outlet links straight to. */
const PAGE_TYPES = [MIME.html, MIME.pdf, MIME.jpeg, MIME.png, MIME.webp];
const MAX_PAGE_BYTES = 5 * 1024 * 1024;

export interface CaptureOptions {
  resolver?: Resolver;
  timeoutMs?: number;
}

const stamp = (d: Date): string => {
  const c = new Date(d.getTime() + 8 * 3600_000);
  return `${c.toISOString().slice(0, 10)} ${c.toISOString().slice(11, 16)}`;
};

/**
 * 用稿证明 from the link: the page at the adoption's URL, fetched once when the adoption is entered
 * (articles move behind paywalls or vanish within weeks) through the same SSRF guard and
 * allow-list as the opinion crawler, kept in the file store as the evidence the verifying editor
 * opens. A page that cannot be fetched leaves the evidence empty and says why in `evidence_note`;
 * the reporter can still upload a photo of the clipping. Never overwrites evidence uploaded by hand.
 */
export async function capturePage(services: Services, adoptionId: string, opts: CaptureOptions = {}): Promise<'saved' | 'failed' | 'skipped'> {
  const db = services.db;
  const a = await findAdoptionRow(db, adoptionId);
  if (!a || !a.url || a.evidenceSha256 || a.status !== 'pending') return 'skipped';
  const at = new Date();
  let note: string;
  let stored: Awaited<ReturnType<Services['files']['put']>> | undefined;
  try {
    const policy = await currentAddressPolicy(db);
    const res = await safeFetch(
      { url: a.url, accept: 'text/html,application/xhtml+xml,application/pdf,image/*;q=0.8' },
      { policy, resolver: opts.resolver ?? systemResolver, limits: { timeoutMs: opts.timeoutMs ?? 15_000, maxBytes: MAX_PAGE_BYTES, maxRedirects: 5, userAgent: 'Xuanlian-Evidence/1.0' } },
    );
    stored = await services.files.put(res.body, { maxBytes: MAX_PAGE_BYTES, allowedTypes: PAGE_TYPES });
    note = `已自动保存链接页面（${stamp(at)}）`;
  } catch (err) {
    const why = err instanceof FetchError || err instanceof AppError ? err.message : '无法访问';
    note = `链接页面未能自动保存：${why}。请上传报样照片或截图作为证明。`;
  }
  const ext = stored?.mime === MIME.html ? 'html' : stored?.mime === MIME.pdf ? 'pdf' : (stored?.mime.split('/')[1] ?? '');
  const name = `用稿网页存档-${stamp(at).slice(0, 10)}.${ext}`;
  const saved = await db.transaction(async (tx) => {
    if (stored) await recordFile(tx, stored, { uploadedBy: null });
    const set = stored ? { evidenceSha256: stored.sha256, evidenceName: name, evidenceMime: stored.mime, evidenceNote: note } : { evidenceNote: note };
    if (!(await setCapturedEvidence(tx, adoptionId, set))) return false;
    if (stored) {
      await writeAudit(tx, systemCtx(services), {
        action: 'adoption.evidence',
        targetType: 'adoption',
        targetId: adoptionId,
        orgId: a.orgId,
        before: null,
        after: { sha256: stored.sha256, name, url: a.url },
      });
    }
    return true;
  });
  return !saved ? 'skipped' : stored ? 'saved' : 'failed';
}
