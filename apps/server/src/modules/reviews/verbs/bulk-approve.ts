import type { BulkApproveOutput } from '@xuanlian/contracts';
import type { Ctx } from '../../../core/context.ts';
import { AppError } from '../../../core/errors.ts';
import { requirePermission } from '../../../core/scope.ts';
import { decideStep } from './decide.ts';

/**
 * 批量通过 from the list: each item is its own decision in its own transaction, so one that
 * fails (decided meanwhile, withdrawn, not mine) does not hold back the others; each result is
 * reported.
 */
export async function bulkApprove({ ctx, stepIds, comment }: { ctx: Ctx; stepIds: string[]; comment: string }): Promise<BulkApproveOutput> {
  requirePermission(ctx.actor, 'manuscript.review');
  const results: BulkApproveOutput['results'] = [];
  for (const stepId of [...new Set(stepIds)]) {
    try {
      const m = await decideStep({ ctx, stepId, input: { decision: 'approve', comment } });
      results.push({ stepId, ok: true, code: null, message: null, manuscriptId: m.id });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ stepId, ok: false, code: err.code, message: err.message, manuscriptId: null });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { succeeded, failed: results.length - succeeded, results };
}
